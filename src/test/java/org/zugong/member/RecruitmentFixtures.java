package org.zugong.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.Recruitments.StepRecord;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.organization.UnitType;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.platform.DataScope;
import org.zugong.shared.IdCardNumber;

/**
 * Object Mother of the recruitment tests: a branch of 南门街道 of their own, applicants with fresh ID
 * numbers, and recruitments along the ordinary path up to any step, dated back from a chosen
 * application day so that every step lies in the past.
 *
 * <p>The ordinary path from the application S: talk S+15d, activist S+2m, reviews S+8m and S+14m,
 * candidate S+14m+5d, introducers S+14m+15d, political review S+14m+25d, training S+15m, branch
 * admission S+16m, approval S+17m, conversion S+28m.
 */
final class RecruitmentFixtures {

  /** Birthplace 东城区 of Beijing: no demo data uses it, so test ID numbers never collide. */
  static final String ORIGIN = "110101";

  static final String BRANCH_NAME = "发展党员测试党支部";
  static final String TOWN_COMMITTEE = "中共南门街道工作委员会";
  static final String BRANCH_REGION = "330203001001";

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private final Recruitments recruitments;
  private final Members members;
  private final Organizations organizations;
  private final UserDetailsService users;
  private final JdbcClient jdbc;

  RecruitmentFixtures(
      Recruitments recruitments,
      Members members,
      Organizations organizations,
      UserDetailsService users,
      JdbcClient jdbc) {
    this.recruitments = recruitments;
    this.members = members;
    this.organizations = organizations;
    this.users = users;
    this.jdbc = jdbc;
  }

  void signIn(String username) {
    var user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  static void signOut() {
    SecurityContextHolder.clearContext();
  }

  /** A fresh, valid ID number of someone born on {@code birth}. */
  static IdCardNumber idNumber(LocalDate birth) {
    String body =
        ORIGIN
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
    return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
  }

  static PersonFacts applicant(String name, LocalDate birth) {
    IdCardNumber id = idNumber(birth);
    return new PersonFacts(
        name,
        id,
        PersonFacts.genderOf(id),
        Ethnicity.HAN,
        id.birthDate(),
        "13700000000",
        Education.BACHELOR,
        "社区工作者",
        OccupationCategory.OTHER,
        null);
  }

  /** The test branch under the town committee of 南门街道, established on first use. */
  OrganizationView branch() {
    return branch(BRANCH_NAME);
  }

  /** A branch of this name under the town committee of 南门街道, established on first use. */
  synchronized OrganizationView branch(String name) {
    return organizations.search(name, OrganizationKind.BRANCH, null, 0, 1).rows().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseGet(
            () -> {
              OrganizationView town =
                  organizations.search(TOWN_COMMITTEE, null, null, 0, 1).rows().getFirst();
              long id =
                  organizations.establish(
                      new Establish(
                          name,
                          OrganizationKind.BRANCH,
                          OrganizationCategory.REGULAR,
                          UnitType.COMMUNITY,
                          null,
                          null,
                          BRANCH_REGION,
                          town.id(),
                          town.establishedOn(),
                          "测试书记"));
              return organizations.find(id).orElseThrow();
            });
  }

  /** Full members in good standing of 南门街道, who may talk, keep contact and introduce. */
  List<Long> fullMembers(int n) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select id from member where stage = 'FULL' and status = 'NORMAL'"
                        + " and starts_with(scope_path, '/330200/330203/330203001/')"
                        + " and full_on < '2015-01-01' order by id limit ?")
                .param(n)
                .query(Long.class)
                .list());
  }

  /** A probationary member of the test branch, admitted two months ago. */
  long probationaryMember(LocalDate today) {
    return members.admit(
        new Admission(
            applicant("预备党员", LocalDate.of(1990, 4, 1)),
            branch().id(),
            MemberStage.PROBATIONARY,
            today.minusMonths(2),
            null));
  }

  /** Starts a recruitment in the test branch with an application on {@code applied}. */
  long apply(String name, LocalDate applied) {
    return recruitments.start(
        new Recruitments.Application(
            applicant(name, LocalDate.of(1996, 3, 15)),
            branch().id(),
            applied,
            BRANCH_NAME,
            List.of(),
            null));
  }

  /** The ordinary path from the application on {@code s}, up to the last step of this kind. */
  static List<StepRecord> ordinaryPath(LocalDate s, List<Long> full) {
    List<StepRecord> path = new ArrayList<>();
    path.add(StepRecord.of(RecruitmentStepKind.TALK, s.plusDays(15), BRANCH_NAME, full.get(0)));
    path.add(
        StepRecord.of(
            RecruitmentStepKind.ACTIVIST_DESIGNATION, s.plusMonths(2), BRANCH_NAME, full.get(1)));
    path.add(StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(8), BRANCH_NAME));
    path.add(StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(14), BRANCH_NAME));
    path.add(
        StepRecord.of(
            RecruitmentStepKind.CANDIDATE_DESIGNATION, s.plusMonths(14).plusDays(5), BRANCH_NAME));
    path.add(
        StepRecord.introducers(
            s.plusMonths(14).plusDays(15), BRANCH_NAME, full.get(0), full.get(1)));
    path.add(
        StepRecord.of(
            RecruitmentStepKind.POLITICAL_REVIEW, s.plusMonths(14).plusDays(25), TOWN_COMMITTEE));
    path.add(StepRecord.training(s.plusMonths(15), TOWN_COMMITTEE, 3, 24));
    path.add(StepRecord.of(RecruitmentStepKind.BRANCH_ADMISSION, s.plusMonths(16), BRANCH_NAME));
    path.add(StepRecord.approval(s.plusMonths(17), TOWN_COMMITTEE, null));
    path.add(StepRecord.of(RecruitmentStepKind.CONVERSION, s.plusMonths(28), BRANCH_NAME));
    return path;
  }

  /**
   * A recruitment in the test branch applied for on {@code s}, along the ordinary path up to the
   * last step of {@code kind}, without the kinds in {@code left}.
   */
  long upTo(String name, LocalDate s, RecruitmentStepKind kind, RecruitmentStepKind... left) {
    long id = apply(name, s);
    List<StepRecord> path = ordinaryPath(s, fullMembers(2));
    int last = -1;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).kind() == kind) {
        last = i;
      }
    }
    for (StepRecord step : path.subList(0, last + 1)) {
      if (!List.of(left).contains(step.kind())) {
        recruitments.record(id, step);
      }
    }
    return id;
  }
}
