package org.zugong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

class SmokeTest extends ZugongTest {

  @Test
  void districtAdminSeesTheirDistrictOnTheHomePage() {
    var client = signedIn(DemoAccounts.HAISHU_ADMIN);
    var home = client.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("海曙区").doesNotContain("江北区");
  }
}
