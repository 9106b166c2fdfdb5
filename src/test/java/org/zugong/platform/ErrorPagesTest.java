package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** Error pages speak the user's language. */
class ErrorPagesTest extends ZugongTest {

  @Test
  void notFoundInChineseAndEnglish() {
    WebClient client = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> zh = client.get("/no-such-page");
    assertThat(zh.statusCode()).isEqualTo(404);
    assertThat(zh.body()).contains("页面不存在");
    HttpResponse<String> en = client.get("/no-such-page?lang=en");
    assertThat(en.statusCode()).isEqualTo(404);
    assertThat(en.body()).contains("Not found");
    client.get("/?lang=zh-CN");
  }

  @Test
  void forbiddenInChinese() {
    HttpResponse<String> r = signedIn(DemoAccounts.MEMBER).get("/accounts");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("无权访问");
  }

  @Test
  void aRegionOutsideTheScopeIsNotFound() {
    HttpResponse<String> r = signedIn(DemoAccounts.HAISHU_ADMIN).get("/regions?code=330205");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("页面不存在").doesNotContain("江北区");
  }
}
