package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.member.OrganizationOffices.Office;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.organization.UnitType;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.ZugongTest;

/** The committee posts of an organization, under the rules of who may hold them. */
class OrganizationOfficesTest extends ZugongTest {

  @Autowired OrganizationOffices offices;
  @Autowired Organizations organizations;
  @Autowired Members members;
  @Autowired Clock clock;

  record Branch(long id, List<Long> fullMembers, long probationary) {}

  /**
   * A branch of 海曙区 with {@code free} full members holding no post (and, when asked, a probationary
   * member); tests give posts away, so each finds members still free.
   */
  Branch branch(int free, boolean withProbationary) {
    return DataScope.asSystem(
        () -> {
          long id =
              jdbc.sql(
                      """
                      select o.id from organization o
                      where starts_with(o.path, '/330200/330203/') and o.kind = 'BRANCH'
                        and o.dissolved_on is null
                        and (select count(*) from member m where m.organization_id = o.id
                               and m.stage = 'FULL' and m.status = 'NORMAL'
                               and not exists (select 1 from member_office f where f.member_id = m.id)) >= ?
                        and (not ? or exists (select 1 from member m where m.organization_id = o.id
                               and m.stage = 'PROBATIONARY' and m.status = 'NORMAL'))
                      order by o.id limit 1
                      """)
                  .param(free)
                  .param(withProbationary)
                  .query(Long.class)
                  .single();
          List<Long> full =
              jdbc.sql(
                      """
                      select m.id from member m where m.organization_id = ? and m.stage = 'FULL'
                        and m.status = 'NORMAL'
                        and not exists (select 1 from member_office f where f.member_id = m.id)
                      order by m.id
                      """)
                  .param(id)
                  .query(Long.class)
                  .list();
          long probationary =
              jdbc.sql(
                      "select coalesce(min(id), 0) from member where organization_id = ?"
                          + " and stage = 'PROBATIONARY' and status = 'NORMAL'")
                  .param(id)
                  .query(Long.class)
                  .single();
          return new Branch(id, full, probationary);
        });
  }

  /** A full member holding no post, under the organization's parent but not in it. */
  long cousin(long branchId) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id from member m, organization b, organization p
                    where b.id = ? and p.id = b.parent_id and starts_with(m.org_path, p.tree_path)
                      and m.organization_id <> b.id and m.stage = 'FULL' and m.status = 'NORMAL'
                      and not exists (select 1 from member_office f where f.member_id = m.id)
                    order by m.id limit 1
                    """)
                .param(branchId)
                .query(Long.class)
                .single());
  }

  String secretaryOf(long organizationId) {
    return organizations.find(organizationId).orElseThrow().secretaryName();
  }

  @Test
  void theDemoBranchesHaveSecretariesWhoAreTheirMembers() {
    long mismatched =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select count(*) from organization o
                        join member_office f on f.organization_id = o.id and f.post = 'SECRETARY' and f.until_on is null
                        join member m on m.id = f.member_id
                        where f.recorded_by = 'system' and m.updated_at = m.created_at
                          and (o.secretary_name is distinct from m.name
                            or not starts_with(m.org_path, o.tree_path)
                            or (o.kind = 'BRANCH' and m.organization_id <> o.id))
                        """)
                    .query(Long.class)
                    .single());
    // Members other tests have moved or changed are left out.
    assertThat(mismatched).isZero();
  }

  @Test
  void theDemoCommitteesAndGeneralBranchesHaveCommitteesFromTheirSubtree() {
    record Kind(
        String kind, long organizations, long withSecretary, long withDeputy, long outside) {}
    List<Kind> kinds =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select o.kind, count(distinct o.id),
                          count(distinct o.id) filter (where f.post = 'SECRETARY'),
                          count(distinct o.id) filter (where f.post = 'DEPUTY_SECRETARY'),
                          count(*) filter (where f.id is not null and not starts_with(m.org_path, o.tree_path))
                        from organization o
                        left join member_office f on f.organization_id = o.id and f.recorded_by = 'system'
                        left join member m on m.id = f.member_id and m.updated_at = m.created_at
                        where o.dissolved_on is null
                          and o.kind in ('COMMITTEE', 'WORKING_COMMITTEE', 'GENERAL_BRANCH')
                          and exists (select 1 from member x where starts_with(x.org_path, o.tree_path)
                                        and x.stage = 'FULL' and x.status = 'NORMAL')
                        group by o.kind order by o.kind
                        """)
                    .query(
                        (rs, n) ->
                            new Kind(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5)))
                    .list());
    assertThat(kinds).extracting(Kind::kind).contains("COMMITTEE", "GENERAL_BRANCH");
    for (Kind k : kinds) {
      assertThat(k.withSecretary())
          .as("%s with a secretary", k.kind())
          .isEqualTo(k.organizations());
      assertThat(k.withDeputy()).as("%s with a deputy", k.kind()).isPositive();
      assertThat(k.outside()).as("%s holders outside the subtree", k.kind()).isZero();
    }
  }

  @Test
  void aNewSecretaryEndsThePreviousSecretarysTermTheDayBefore() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Branch b = branch(2, false);
    LocalDate today = LocalDate.now(clock);
    long first =
        offices.appoint(
            b.id(), b.fullMembers().get(0), OfficePost.SECRETARY, null, today.minusDays(30));
    Office before = offices.find(first).orElseThrow();
    assertThat(secretaryOf(b.id())).isEqualTo(before.memberName());

    long second =
        offices.appoint(b.id(), b.fullMembers().get(1), OfficePost.SECRETARY, null, today);
    Office ended = offices.find(first).orElseThrow();
    assertThat(ended.until()).isEqualTo(today.minusDays(1));
    assertThat(ended.endReason()).isEqualTo("office.end.succeeded");
    Office now = offices.find(second).orElseThrow();
    assertThat(now.open()).isTrue();
    assertThat(secretaryOf(b.id())).isEqualTo(now.memberName());
    assertThat(
            offices.of(b.id()).stream().filter(o -> o.open() && o.post() == OfficePost.SECRETARY))
        .hasSize(1);
  }

  @Test
  void aProbationaryMemberMayNotHoldAPost() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Branch b = branch(0, true);
    assertThatThrownBy(
            () ->
                offices.appoint(
                    b.id(),
                    b.probationary(),
                    OfficePost.COMMITTEE_MEMBER,
                    "组织委员",
                    LocalDate.now(clock)))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.probationary");
  }

  @Test
  void onlyMembersOfTheSubtreeMayHoldItsPosts() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Branch b = branch(0, false);
    long cousin = cousin(b.id());
    assertThatThrownBy(
            () ->
                offices.appoint(
                    b.id(), cousin, OfficePost.COMMITTEE_MEMBER, null, LocalDate.now(clock)))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.outside");
    // The parent covers both branches: a member of either may sit on its committee.
    OrganizationView committee =
        organizations.find(organizations.find(b.id()).orElseThrow().parentId()).orElseThrow();
    long term =
        offices.appoint(
            committee.id(), cousin, OfficePost.COMMITTEE_MEMBER, null, LocalDate.now(clock));
    assertThat(offices.find(term)).isPresent();
  }

  @Test
  void anEndedTermStaysInTheHistoryAndNeedsAReason() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Branch b = branch(1, false);
    LocalDate today = LocalDate.now(clock);
    long term =
        offices.appoint(
            b.id(),
            b.fullMembers().get(0),
            OfficePost.COMMITTEE_MEMBER,
            "纪检委员",
            today.minusDays(10));
    assertThatThrownBy(() -> offices.end(term, today, " "))
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.reason-required");
    assertThatThrownBy(() -> offices.end(term, today.minusDays(11), "调离"))
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.end-before-start");
    offices.end(term, today, "调离");
    Office ended = offices.find(term).orElseThrow();
    assertThat(ended.open()).isFalse();
    assertThat(ended.endReason()).isEqualTo("调离");
    assertThat(offices.heldBy(b.fullMembers().get(0))).extracting(Office::id).contains(term);
    assertThatThrownBy(() -> offices.end(term, today, "调离"))
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.ended");
  }

  @Test
  void aHolderWhoLostContactIsFlaggedForTheEndOfTheTerm() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Branch b = branch(1, false);
    long holder = b.fullMembers().get(0);
    long term =
        offices.appoint(b.id(), holder, OfficePost.COMMITTEE_MEMBER, "宣传委员", LocalDate.now(clock));
    assertThat(offices.find(term).orElseThrow().toEnd()).isFalse();
    members.changeStatus(holder, MemberStatus.LOST_CONTACT, LocalDate.now(clock), "多次联系未果");
    // Contact may be regained: the organization decides, the term stays open until it does.
    Office flagged = offices.find(term).orElseThrow();
    assertThat(flagged.open()).isTrue();
    assertThat(flagged.toEnd()).isTrue();
    assertThat(
            signedIn(DemoAccounts.HAISHU_ADMIN).get("/organizations/" + b.id() + "/offices").body())
        .contains("id=\"office-to-end-" + term + "\"");
  }

  // ---- terms end with their holder's move or standing --------------------------------------

  static final String NANMEN = "/330200/330203/330203001/";
  static final String JIANGXIA = "/330200/330203/330203002/";
  static final String JIANGXIA_ADMIN = "jiangxia_admin";

  @Autowired Transfers transfers;
  @Autowired PasswordEncoder encoder;

  /**
   * A branch of a town, a sibling branch under the same parent, and a free full member of the
   * first.
   */
  record Siblings(long branch, String siblingCode, long parent, long holder) {}

  Siblings siblings(String town) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select a.id, s.code, p.id, m.id from organization a
                    join organization p on p.id = a.parent_id and p.kind <> 'GROUP' and p.dissolved_on is null
                    join organization s on s.parent_id = p.id and s.id <> a.id and s.kind = 'BRANCH'
                      and s.dissolved_on is null
                    join member m on m.organization_id = a.id and m.stage = 'FULL' and m.status = 'NORMAL'
                    where starts_with(a.path, ?) and a.kind = 'BRANCH' and a.dissolved_on is null
                      and not starts_with(a.path, '/330200/330203/330203001/330203001001/')
                      and not exists (select 1 from member_office f where f.member_id = m.id)
                      and not exists (select 1 from member_transfer t where t.member_id = m.id)
                    order by a.id desc, s.id, m.id limit 1
                    """)
                .param(town)
                .query(
                    (rs, n) ->
                        new Siblings(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .single());
  }

  String branchCode(String under) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select code from organization where starts_with(path, ?) and kind = 'BRANCH'"
                        + " and dissolved_on is null order by id limit 1")
                .param(under)
                .query(String.class)
                .single());
  }

  /** The audit rows of a term's end: who ended it, and under which path. */
  List<String> auditOfEnd(long term) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select actor || ' ' || scope_path from audit_event where entity = 'member_office'"
                        + " and entity_id = ? and action = 'end'")
                .param(Long.toString(term))
                .query(String.class)
                .list());
  }

  @Test
  void endsTermsWhenHolderTransfersOut() {
    TestAccounts.ensure(jdbc, encoder, JIANGXIA_ADMIN, Role.TOWN_ADMIN, "330203002", JIANGXIA);
    Siblings s = siblings(NANMEN);
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.TOWN_ADMIN);
    long secretary =
        offices.appoint(s.branch(), s.holder(), OfficePost.SECRETARY, null, today.minusDays(20));
    long above =
        offices.appoint(
            s.parent(), s.holder(), OfficePost.COMMITTEE_MEMBER, "组织委员", today.minusDays(20));
    String name = offices.find(secretary).orElseThrow().memberName();
    assertThat(secretaryOf(s.branch())).isEqualTo(name);
    long transfer =
        transfers.submitWithinCity(s.holder(), branchCode(JIANGXIA), today.plusMonths(1));

    actAs(JIANGXIA_ADMIN);
    transfers.accept(transfer);

    actAs(DemoAccounts.HAISHU_ADMIN);
    for (long term : List.of(secretary, above)) {
      Office ended = offices.find(term).orElseThrow();
      assertThat(ended.open()).isFalse();
      assertThat(ended.until()).isEqualTo(today);
      assertThat(ended.endReason()).isEqualTo("office.end.transferred-out");
      assertThat(auditOfEnd(term))
          .containsExactly(
              JIANGXIA_ADMIN
                  + " "
                  + organizations.find(ended.organizationId()).orElseThrow().path().value());
    }
    assertThat(secretaryOf(s.branch())).isNotEqualTo(name);
    assertThat(organizations.find(s.parent()).orElseThrow().secretaryName()).isNotEqualTo(name);
  }

  @Test
  void keepsTermsWhenHolderMovesWithinSubtree() {
    Siblings s = siblings(NANMEN);
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.TOWN_ADMIN);
    long branchTerm =
        offices.appoint(
            s.branch(), s.holder(), OfficePost.COMMITTEE_MEMBER, "宣传委员", today.minusDays(5));
    long committeeTerm =
        offices.appoint(
            s.parent(), s.holder(), OfficePost.COMMITTEE_MEMBER, "纪检委员", today.minusDays(5));
    long transfer = transfers.submitWithinCity(s.holder(), s.siblingCode(), today.plusMonths(1));
    transfers.accept(transfer);

    // The sibling lies under the same committee: its term goes on; the branch left behind ends.
    Office kept = offices.find(committeeTerm).orElseThrow();
    assertThat(kept.open()).isTrue();
    assertThat(kept.toEnd()).isFalse();
    Office ended = offices.find(branchTerm).orElseThrow();
    assertThat(ended.until()).isEqualTo(today);
    assertThat(ended.endReason()).isEqualTo("office.end.transferred-out");
  }

  @Test
  void endsTermsWhenHolderLeavesTheCity() {
    Siblings s = siblings(NANMEN);
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.TOWN_ADMIN);
    long term =
        offices.appoint(
            s.branch(), s.holder(), OfficePost.COMMITTEE_MEMBER, "组织委员", today.minusDays(3));
    long transfer = transfers.submitOutOfCity(s.holder(), "上海市浦东新区张江镇科创社区党支部");
    transfers.issueLetter(transfer, "甬组转〔2022〕0815号", today.plusMonths(1));
    assertThat(offices.find(term).orElseThrow().open())
        .as("the letter is on its way; the member has not arrived yet")
        .isTrue();
    transfers.recordReceipt(transfer);
    Office ended = offices.find(term).orElseThrow();
    assertThat(ended.until()).isEqualTo(today);
    assertThat(ended.endReason()).isEqualTo("office.end.left-city");
    // The member stays in the register, but may not be given a post again.
    assertThatThrownBy(
            () -> offices.appoint(s.branch(), s.holder(), OfficePost.COMMITTEE_MEMBER, null, today))
        .extracting(e -> ((InvalidValueException) e).messageKey())
        .isEqualTo("office.invalid.left-city");
  }

  @Test
  void endsTermsWhenHolderDies() {
    // A member of 澄浪社区 who is the secretary of a committee above the branch secretary's scope.
    actAs(DemoAccounts.BRANCH_SECRETARY);
    String branchScope = java.util.Objects.requireNonNull(DataScope.current()).value();
    record Holder(long member, long committee) {}
    Holder h =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select m.id, g.id from member m join organization g
                          on starts_with(m.org_path, g.tree_path) and g.id <> m.organization_id
                        where starts_with(m.scope_path, ?) and not starts_with(g.path, ?)
                          and g.kind <> 'GROUP' and g.dissolved_on is null
                          and m.stage = 'FULL' and m.status = 'NORMAL'
                          and not exists (select 1 from member_office f where f.member_id = m.id
                                            and f.organization_id = g.id)
                        order by g.depth desc, m.id desc limit 1
                        """)
                    .params(branchScope, branchScope)
                    .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2)))
                    .single());
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.HAISHU_ADMIN);
    long term =
        offices.appoint(h.committee(), h.member(), OfficePost.SECRETARY, null, today.minusDays(10));
    String name = offices.find(term).orElseThrow().memberName();
    assertThat(secretaryOf(h.committee())).isEqualTo(name);

    actAs(DemoAccounts.BRANCH_SECRETARY);
    assertThat(offices.find(term)).as("the committee lies outside the branch's scope").isEmpty();
    members.changeStatus(h.member(), MemberStatus.DECEASED, today.minusDays(2), "病故");

    actAs(DemoAccounts.HAISHU_ADMIN);
    Office ended = offices.find(term).orElseThrow();
    assertThat(ended.until()).isEqualTo(today.minusDays(2));
    assertThat(ended.endReason()).isEqualTo("office.end.deceased");
    assertThat(secretaryOf(h.committee())).isNotEqualTo(name);
    assertThat(auditOfEnd(term))
        .containsExactly(
            DemoAccounts.BRANCH_SECRETARY
                + " "
                + organizations.find(h.committee()).orElseThrow().path().value());
    // The organization card shows the ended term with its reason.
    String card =
        signedIn(DemoAccounts.HAISHU_ADMIN)
            .get("/organizations/" + h.committee() + "/offices")
            .body();
    assertThat(card).doesNotContain("id=\"office-" + term + "\"");
    String past = card.substring(card.indexOf("id=\"office-past\""));
    assertThat(past).contains(name, "去世", today.minusDays(10) + " – " + today.minusDays(2));
  }

  // ---- terms end with their organization ----------------------------------------------------

  /** A new organization of {@code kind} under {@code parent}, in the parent's region. */
  long establish(String name, OrganizationKind kind, long parent, LocalDate on) {
    return organizations.establish(
        new Establish(
            name,
            kind,
            OrganizationCategory.REGULAR,
            UnitType.COMMUNITY,
            null,
            null,
            organizations.find(parent).orElseThrow().regionCode(),
            parent,
            on,
            null));
  }

  /** The past terms on the organization card, after their heading. */
  String pastTermsOnTheCard(long organizationId) {
    String card =
        signedIn(DemoAccounts.HAISHU_ADMIN)
            .get("/organizations/" + organizationId + "/offices")
            .body();
    return card.substring(card.indexOf("id=\"office-past\""));
  }

  @Test
  void endsTermsWhenOrganizationIsMerged() {
    Siblings s = siblings(NANMEN);
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.HAISHU_ADMIN);
    long merged = establish("合并测试党支部", OrganizationKind.BRANCH, s.parent(), today.minusDays(30));
    members.moveTo(s.holder(), merged, today.minusDays(20), "调入");
    long secretary =
        offices.appoint(merged, s.holder(), OfficePost.SECRETARY, null, today.minusDays(10));
    long above =
        offices.appoint(
            s.parent(), s.holder(), OfficePost.COMMITTEE_MEMBER, "组织委员", today.minusDays(10));
    String path = organizations.find(merged).orElseThrow().path().value();
    String name = offices.find(secretary).orElseThrow().memberName();

    organizations.merge(merged, s.branch(), today.minusDays(2));

    Office ended = offices.find(secretary).orElseThrow();
    assertThat(ended.open()).isFalse();
    assertThat(ended.until()).isEqualTo(today.minusDays(2));
    assertThat(ended.endReason()).isEqualTo("office.end.organization-merged");
    assertThat(auditOfEnd(secretary)).containsExactly(DemoAccounts.HAISHU_ADMIN + " " + path);
    // The holder went with the members to the target, still under the committee above: its term
    // goes on, neither ended nor flagged.
    Office kept = offices.find(above).orElseThrow();
    assertThat(kept.open()).isTrue();
    assertThat(kept.toEnd()).isFalse();
    assertThat(pastTermsOnTheCard(merged))
        .contains(name, "组织合并", today.minusDays(10) + " – " + today.minusDays(2));
  }

  @Test
  void endsTermsWhenOrganizationIsDissolved() {
    Siblings s = siblings(NANMEN);
    LocalDate today = LocalDate.now(clock);
    actAs(DemoAccounts.HAISHU_ADMIN);
    long committee =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select c.id from organization c join organization a
                          on starts_with(a.tree_path, c.tree_path)
                        where a.id = ? and c.kind in ('COMMITTEE', 'WORKING_COMMITTEE')
                          and c.dissolved_on is null
                        order by c.depth desc limit 1
                        """)
                    .param(s.branch())
                    .query(Long.class)
                    .single());
    long dissolved =
        establish("撤销测试党总支", OrganizationKind.GENERAL_BRANCH, committee, today.minusDays(30));
    long branch = establish("撤销测试党支部", OrganizationKind.BRANCH, dissolved, today.minusDays(30));
    members.moveTo(s.holder(), branch, today.minusDays(20), "调入");
    long term =
        offices.appoint(
            dissolved, s.holder(), OfficePost.COMMITTEE_MEMBER, "组织委员", today.minusDays(10));
    String path = organizations.find(dissolved).orElseThrow().path().value();
    String name = offices.find(term).orElseThrow().memberName();
    // The branch merges away with its members: the general branch has no one left, and its
    // holder no longer belongs to it; the term waits, flagged, for the organization to end.
    organizations.merge(branch, s.branch(), today.minusDays(5));
    assertThat(offices.find(term).orElseThrow().toEnd()).isTrue();

    organizations.dissolve(dissolved, today.minusDays(3));

    Office ended = offices.find(term).orElseThrow();
    assertThat(ended.open()).isFalse();
    assertThat(ended.until()).isEqualTo(today.minusDays(3));
    assertThat(ended.endReason()).isEqualTo("office.end.organization-dissolved");
    assertThat(auditOfEnd(term)).containsExactly(DemoAccounts.HAISHU_ADMIN + " " + path);
    assertThat(pastTermsOnTheCard(dissolved))
        .contains(name, "组织撤销", today.minusDays(10) + " – " + today.minusDays(3));
  }

  @Test
  void aTermOutsideTheCallersScopeIsNotFound() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long jiangbei =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member_office where starts_with(scope_path, '/330200/330205/')"
                            + " order by id limit 1")
                    .query(Long.class)
                    .single());
    assertThat(offices.find(jiangbei)).isEmpty();
    assertThatThrownBy(() -> offices.end(jiangbei, LocalDate.now(clock), "调离"))
        .isInstanceOf(OfficeNotFoundException.class);
  }

  @Test
  void theCommitteeIsAppointedThroughTheOrganizationPage() {
    Branch b = branch(0, true);
    var web = signedIn(DemoAccounts.HAISHU_ADMIN);
    String section = web.get("/organizations/" + b.id() + "/offices").body();
    assertThat(section).contains("id=\"organization-offices\"", "班子成员", "书记");
    assertThat(web.get("/organizations/" + b.id() + "/offices/new").body())
        .contains("office-appoint-form");
    String name =
        DataScope.asSystem(
            () ->
                jdbc.sql("select name from member where id = ?")
                    .param(b.probationary())
                    .query(String.class)
                    .single());
    var refused =
        web.post(
            "/organizations/" + b.id() + "/offices",
            java.util.Map.of(
                "post",
                "COMMITTEE_MEMBER",
                "member",
                name,
                "duty",
                "",
                "from",
                LocalDate.now(clock).toString()));
    assertThat(refused.body()).contains("id=\"dialog-error\"");
    assertThat(refused.headers().firstValue("HX-Redirect")).isEmpty();
    assertThat(
            signedIn(DemoAccounts.BRANCH_SECRETARY)
                .get("/organizations/" + b.id() + "/offices/new")
                .statusCode())
        .isEqualTo(403);
  }
}
