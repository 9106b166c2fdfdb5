package org.zugong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.member.imports.HttpSession;
import org.zugong.member.imports.MemberSheets;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** The organization list exports what the page lists, within the caller's scope. */
class OrganizationExportTest extends ZugongTest {

  @Test
  void exportsTheSearchedOrganizationsOfTheScopeAsAWorkbook() {
    HttpSession haishu =
        HttpSession.signIn(baseUrl(), DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
    var answer = haishu.download("/organizations/export?q=%E7%A4%BE%E5%8C%BA&kind=BRANCH");
    assertThat(answer.statusCode()).isEqualTo(200);
    List<List<String>> rows = MemberSheets.read(answer.body(), 0);
    assertThat(rows.get(0)).startsWith("组织代码", "组织名称", "组织类别");
    List<List<String>> organizations = rows.subList(1, rows.size());
    assertThat(organizations)
        .hasSizeGreaterThan(20)
        .allSatisfy(
            r -> {
              assertThat(r.get(1)).contains("社区");
              assertThat(r.get(2)).isEqualTo("党支部");
              assertThat(r.get(6)).startsWith("330203");
            });

    HttpSession city =
        HttpSession.signIn(baseUrl(), DemoAccounts.CITY_ADMIN, DemoAccounts.PASSWORD);
    List<List<String>> everywhere =
        MemberSheets.read(
            city.download("/organizations/export?q=%E7%A4%BE%E5%8C%BA&kind=BRANCH").body(), 0);
    assertThat(everywhere.size()).isGreaterThan(rows.size());
    assertThat(everywhere).anySatisfy(r -> assertThat(r.get(6)).startsWith("330205"));
  }
}
