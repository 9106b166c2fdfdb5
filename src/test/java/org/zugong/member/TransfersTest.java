package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferState;
import org.zugong.member.transfer.TransferWorkList.Category;
import org.zugong.member.transfer.TransferWorkList.Direction;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.platform.DataScope;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.ZugongTest;

/**
 * Transfers of organizational relationship against the real database, as signed-in users of both
 * ends: 南门街道 (nanmen_admin) sends members to 江厦街道, whose town administrator (a test account)
 * receives them; neither town sees the other's records, only the transfers between them.
 */
class TransfersTest extends ZugongTest {

  static final String NANMEN = "/330200/330203/330203001/";
  static final String JIANGXIA = "/330200/330203/330203002/";
  static final String JIANGXIA_ADMIN = "jiangxia_admin";

  @Autowired Transfers transfers;
  @Autowired Members members;
  @Autowired UserDetailsService users;
  @Autowired PasswordEncoder encoder;
  @Autowired Clock clock;

  LocalDate today;

  @BeforeEach
  void setUp() {
    today = LocalDate.now(clock);
    TestAccounts.ensure(jdbc, encoder, JIANGXIA_ADMIN, Role.TOWN_ADMIN, "330203002", JIANGXIA);
  }

  /** A member of 南门街道 in normal status who has never been transferred. */
  long freshMember() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id from member m where starts_with(m.scope_path, ?) and m.status = 'NORMAL'
                      and not exists (select 1 from member_transfer t where t.member_id = m.id)
                      and not starts_with(m.scope_path, '/330200/330203/330203001/330203001001/')
                    order by m.id limit 1
                    """)
                .param(NANMEN)
                .query(Long.class)
                .single());
  }

  /** The code of the first active branch under a path, skipping {@code skip} of them. */
  String branchCode(String under, int skip) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select code from organization where starts_with(path, ?) and kind = 'BRANCH'"
                        + " and dissolved_on is null order by id offset ? limit 1")
                .params(under, skip)
                .query(String.class)
                .single());
  }

  long organizationId(String code) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select id from organization where code = ?")
                .param(code)
                .query(Long.class)
                .single());
  }

  /** 南门街道 submits a member to a branch of 江厦街道. */
  long submitToJiangxia(long member) {
    actAs(DemoAccounts.TOWN_ADMIN);
    return transfers.submitWithinCity(member, branchCode(JIANGXIA, 0), today.plusMonths(1));
  }

  /** Moves a transfer's letter and steps into the past, as if it had been submitted then. */
  void backdate(long transfer, LocalDate issuedOn, LocalDate validUntil) {
    DataScope.asSystem(
        () -> {
          jdbc.sql(
                  "update member_transfer set letter_issued_on = ?, letter_valid_until = ?,"
                      + " submitted_on = ?, last_step_on = ? where id = ?")
              .params(issuedOn, validUntil, issuedOn, issuedOn, transfer)
              .update();
          jdbc.sql("update member_transfer_event set effective_on = ? where transfer_id = ?")
              .params(issuedOn, transfer)
              .update();
        });
  }

  TransferView view(long id) {
    return transfers.find(id).orElseThrow();
  }

  // ---- acceptance ----------------------------------------------------------------------------

  @Test
  void acceptanceMovesTheMemberAndTheirScope() {
    long member = freshMember();
    String targetCode = branchCode(JIANGXIA, 0);
    long target = organizationId(targetCode);
    long id = submitToJiangxia(member);
    // Before acceptance the target sees the transfer, not the member.
    actAs(JIANGXIA_ADMIN);
    assertThat(view(id).state()).isEqualTo(TransferState.SUBMITTED);
    assertThat(members.find(member)).isEmpty();

    transfers.accept(id);

    MemberView moved = members.find(member).orElseThrow();
    assertThat(moved.organizationId()).isEqualTo(target);
    assertThat(moved.scopePath().value()).startsWith(JIANGXIA);
    assertThat(members.history(member))
        .extracting(Members.MemberEvent::kind)
        .contains("JOINED", "MOVED");
    assertThat(view(id).state()).isEqualTo(TransferState.ACCEPTED);
    // The source no longer sees the member, but still sees the transfer it sent.
    actAs(DemoAccounts.TOWN_ADMIN);
    assertThat(members.find(member)).isEmpty();
    assertThat(view(id).state()).isEqualTo(TransferState.ACCEPTED);
    long stillInNanmen =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from member_event where member_id = ? and not starts_with(scope_path, ?)")
                    .params(member, JIANGXIA)
                    .query(Long.class)
                    .single());
    assertThat(stillInNanmen).as("the member's history moved with the member").isZero();
  }

  @Test
  void theSourceCannotAccept() {
    long id = submitToJiangxia(freshMember());
    actAs(DemoAccounts.TOWN_ADMIN);
    assertThat(view(id).actions())
        .contains(TransferAction.CANCEL)
        .doesNotContain(TransferAction.ACCEPT);
    assertThatThrownBy(() -> transfers.accept(id))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transfer.rule.only-target-accepts");
    assertThatThrownBy(() -> transfers.returnToSource(id, "不接收"))
        .hasMessage("transfer.rule.only-target-returns");
    assertThat(view(id).state()).isEqualTo(TransferState.SUBMITTED);
    actAs(JIANGXIA_ADMIN);
    assertThat(view(id).actions())
        .contains(TransferAction.ACCEPT, TransferAction.RETURN)
        .doesNotContain(TransferAction.CANCEL);
    assertThatThrownBy(() -> transfers.cancel(id, null))
        .hasMessage("transfer.rule.only-source-cancels");
  }

  @Test
  void aTransferIsSeenByItsTwoEndsAndNobodyElse() {
    long id = submitToJiangxia(freshMember());
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(transfers.find(id)).isPresent();
    actAs(DemoAccounts.JIANGBEI_ADMIN);
    assertThat(transfers.find(id)).isEmpty();
    assertThatThrownBy(() -> transfers.accept(id)).isInstanceOf(TransferNotFoundException.class);
    // The secretary of 澄浪社区 (members of 澄浪社区 are never picked as the member who moves).
    actAs(DemoAccounts.BRANCH_SECRETARY);
    assertThat(transfers.find(id)).as("a branch of 南门 that is neither end").isEmpty();
  }

  // ---- return, resubmit, cancel --------------------------------------------------------------

  @Test
  void aReturnedTransferNeedsAReason() {
    long id = submitToJiangxia(freshMember());
    actAs(JIANGXIA_ADMIN);
    assertThatThrownBy(() -> transfers.returnToSource(id, "  "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transfer.rule.return-reason-required");
    assertThat(view(id).state()).isEqualTo(TransferState.SUBMITTED);

    transfers.returnToSource(id, "党员信息与档案不一致");

    assertThat(view(id).state()).isEqualTo(TransferState.RETURNED);
    assertThat(transfers.steps(id))
        .extracting(TransferStep::to, TransferStep::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TransferState.SUBMITTED, null),
            org.assertj.core.groups.Tuple.tuple(TransferState.RETURNED, "党员信息与档案不一致"));
    // Back with the source: unfinished, no longer pending, and it may be resubmitted.
    actAs(DemoAccounts.TOWN_ADMIN);
    assertThat(view(id).categories()).containsExactly(Category.UNFINISHED);
    assertThat(view(id).actions()).contains(TransferAction.RESUBMIT, TransferAction.CANCEL);
  }

  @Test
  void aReturnedTransferResubmittedToAnotherTargetShowsItsWholeHistoryThere() {
    long member = freshMember();
    long id = submitToJiangxia(member);
    actAs(JIANGXIA_ADMIN);
    transfers.returnToSource(id, "接收单位有误");
    actAs(DemoAccounts.TOWN_ADMIN);
    String otherNanmenBranch =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where starts_with(path, ?) and kind = 'BRANCH'"
                            + " and dissolved_on is null and id <> (select organization_id from member"
                            + " where id = ?) order by id limit 1")
                    .params(NANMEN, member)
                    .query(String.class)
                    .single());

    transfers.resubmit(id, otherNanmenBranch, today.plusMonths(2));

    TransferView t = view(id);
    assertThat(t.state()).isEqualTo(TransferState.SUBMITTED);
    assertThat(t.attempt()).isEqualTo(2);
    assertThat(t.targetId()).isEqualTo(organizationId(otherNanmenBranch));
    assertThat(t.deadline()).isEqualTo(today.plusMonths(2));
    assertThat(transfers.steps(id))
        .extracting(TransferStep::to)
        .containsExactly(TransferState.SUBMITTED, TransferState.RETURNED, TransferState.SUBMITTED);
    // The first target has nothing more to do with it.
    actAs(JIANGXIA_ADMIN);
    assertThat(transfers.find(id)).isEmpty();
  }

  @Test
  void aMemberHasOneOpenTransferAtATime() {
    long member = freshMember();
    long id = submitToJiangxia(member);
    assertThatThrownBy(
            () -> transfers.submitWithinCity(member, branchCode(JIANGXIA, 1), today.plusMonths(1)))
        .hasMessage("transfer.rule.open-transfer-exists");
    assertThatThrownBy(() -> transfers.submitOutOfCity(member, "上海市某党支部"))
        .hasMessage("transfer.rule.open-transfer-exists");
    transfers.cancel(id, "重复提交");
    assertThat(view(id).state()).isEqualTo(TransferState.CANCELLED);
    long again = transfers.submitOutOfCity(member, "上海市浦东新区张江镇科创社区党支部");
    assertThat(view(again).state()).isEqualTo(TransferState.SUBMITTED);
  }

  @Test
  void aTargetIsNamedByTheCodeOfABranch() {
    long member = freshMember();
    actAs(DemoAccounts.TOWN_ADMIN);
    assertThatThrownBy(() -> transfers.submitWithinCity(member, "O999999", today.plusMonths(1)))
        .hasMessage("transfer.invalid.target");
    String townCommittee =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where starts_with(path, ?) and kind = 'WORKING_COMMITTEE' order by id limit 1")
                    .param(JIANGXIA)
                    .query(String.class)
                    .single());
    assertThatThrownBy(() -> transfers.submitWithinCity(member, townCommittee, today.plusMonths(1)))
        .hasMessage("transfer.rule.target-holds-no-members");
    assertThatThrownBy(
            () -> transfers.submitWithinCity(member, branchCode(JIANGXIA, 0), today.plusDays(5)))
        .hasMessage("transfer.rule.letter-validity-range");
  }

  // ---- letters ----------------------------------------------------------------------------

  @Test
  void anExpiredLetterIsRefused() {
    long id = submitToJiangxia(freshMember());
    backdate(id, today.minusDays(40), today.minusDays(1));
    actAs(JIANGXIA_ADMIN);
    assertThat(view(id).categories()).contains(Category.OVERDUE);
    assertThat(view(id).actions())
        .doesNotContain(TransferAction.ACCEPT)
        .contains(TransferAction.RETURN);
    assertThatThrownBy(() -> transfers.accept(id))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transfer.rule.letter-expired");
    // An expired transfer can still be sent back, to be resubmitted with a new letter.
    transfers.returnToSource(id, "介绍信已过期");
    assertThat(view(id).state()).isEqualTo(TransferState.RETURNED);

    // A letter from outside the city that has expired is not registered at all.
    actAs(DemoAccounts.TOWN_ADMIN);
    assertThatThrownBy(
            () ->
                transfers.registerIntoCity(
                    arriving("33010619900101123X"),
                    "杭州市西湖区文新街道德加社区党支部",
                    branchCode(NANMEN, 0),
                    "杭组转〔2024〕0001号",
                    today.minusMonths(2),
                    today.minusDays(3)))
        .hasMessage("transfer.rule.letter-expired");
  }

  @Test
  void aTransferOutOfTheCityClosesWithTheReceiptOfItsLetter() {
    long member = freshMember();
    actAs(DemoAccounts.TOWN_ADMIN);
    long id = transfers.submitOutOfCity(member, "北京市海淀区中关村街道科源社区党支部");
    assertThat(view(id).deadline()).isNull();
    assertThat(view(id).categories()).containsExactly(Category.UNFINISHED);
    assertThatThrownBy(() -> transfers.issueLetter(id, " ", today.plusMonths(1)))
        .hasMessage("transfer.rule.letter-number-required");

    transfers.issueLetter(id, "甬组转〔2024〕0456号", today.plusMonths(1));
    assertThat(view(id).state()).isEqualTo(TransferState.LETTER_ISSUED);
    assertThat(view(id).letterNumber()).isEqualTo("甬组转〔2024〕0456号");
    assertThat(view(id).categories()).contains(Category.PENDING);

    transfers.recordReceipt(id);
    assertThat(view(id).state()).isEqualTo(TransferState.RECEIPT_RETURNED);
    assertThat(view(id).open()).isFalse();
  }

  @Test
  void aMemberArrivingFromOutsideIsEnteredIntoTheRegisterOnAcceptance() {
    String targetCode = branchCode(NANMEN, 1);
    long target = organizationId(targetCode);
    String idNumber = "330106199203154511";
    actAs(DemoAccounts.TOWN_ADMIN);
    long id =
        transfers.registerIntoCity(
            arriving(idNumber),
            "杭州市西湖区文新街道德加社区党支部",
            targetCode,
            "杭组转〔2024〕0099号",
            today.minusDays(3),
            today.plusMonths(1));
    TransferView t = view(id);
    assertThat(t.kind()).isEqualTo(TransferKind.INTO_CITY);
    assertThat(t.memberId()).isNull();
    assertThat(t.letterNumber()).isEqualTo("杭组转〔2024〕0099号");
    assertThat(t.actions()).contains(TransferAction.ACCEPT, TransferAction.CANCEL);
    assertThatThrownBy(
            () ->
                transfers.registerIntoCity(
                    arriving(idNumber),
                    "杭州市西湖区文新街道德加社区党支部",
                    targetCode,
                    "杭组转〔2024〕0100号",
                    today.minusDays(3),
                    today.plusMonths(1)))
        .hasMessage("transfer.rule.open-transfer-exists");

    transfers.accept(id);

    TransferView accepted = view(id);
    assertThat(accepted.state()).isEqualTo(TransferState.ACCEPTED);
    MemberView m =
        members.find(java.util.Objects.requireNonNull(accepted.memberId())).orElseThrow();
    assertThat(m.name()).isEqualTo("林晓");
    assertThat(m.organizationId()).isEqualTo(target);
    assertThat(m.idNumberMasked()).isEqualTo(new IdCardNumber(idNumber).masked());
    assertThat(transfers.historyOf(m.id()))
        .extracting(TransferStep::to)
        .containsExactly(TransferState.SUBMITTED, TransferState.ACCEPTED);
  }

  ArrivingMember arriving(String idNumber) {
    return new ArrivingMember(
        "林晓",
        new IdCardNumber(idNumber),
        Ethnicity.HAN,
        Education.MASTER,
        OccupationCategory.ENTERPRISE_STAFF,
        MemberStage.FULL,
        LocalDate.of(2016, 6, 1),
        LocalDate.of(2017, 6, 1));
  }

  // ---- history ----------------------------------------------------------------------------

  @Test
  void theMembersHistoryShowsEveryMoveWhereverTheMemberIsNow() {
    long member = freshMember();
    long first = submitToJiangxia(member);
    actAs(JIANGXIA_ADMIN);
    transfers.accept(first);
    // Back to 南门 from 江厦: 南门 sees the member again, and both moves.
    String back = branchCode(NANMEN, 2);
    long second = transfers.submitWithinCity(member, back, today.plusMonths(1));
    actAs(DemoAccounts.TOWN_ADMIN);
    transfers.accept(second);

    assertThat(members.find(member).orElseThrow().organizationId()).isEqualTo(organizationId(back));
    assertThat(transfers.historyOf(member))
        .extracting(TransferStep::transferId, TransferStep::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, TransferState.SUBMITTED),
            org.assertj.core.groups.Tuple.tuple(first, TransferState.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple(second, TransferState.SUBMITTED),
            org.assertj.core.groups.Tuple.tuple(second, TransferState.ACCEPTED));
    assertThat(members.history(member)).filteredOn(e -> e.kind().equals("MOVED")).hasSize(2);
    assertThat(transfers.ofMember(member))
        .extracting(TransferView::id)
        .containsExactly(second, first);
  }

  // ---- work list ----------------------------------------------------------------------------

  @Test
  void theWorkListSortsOpenTransfersIntoPendingUnfinishedDueSoonAndOverdue() {
    long fresh = submitToJiangxia(freshMember());
    long dueSoon = submitToJiangxia(freshMember());
    backdate(dueSoon, today.plusDays(3).minusMonths(1), today.plusDays(3));
    long overdue = submitToJiangxia(freshMember());
    backdate(overdue, today.minusDays(45), today.minusDays(2));
    long returned = submitToJiangxia(freshMember());
    long accepted = submitToJiangxia(freshMember());
    actAs(JIANGXIA_ADMIN);
    transfers.returnToSource(returned, "材料不全");
    transfers.accept(accepted);
    actAs(DemoAccounts.TOWN_ADMIN);
    long outOfCity = transfers.submitOutOfCity(freshMember(), "上海市浦东新区张江镇科创社区党支部");

    actAs(JIANGXIA_ADMIN);
    Map<Category, List<Long>> incoming = ids(Direction.INCOMING);
    assertThat(incoming.get(Category.PENDING))
        .contains(fresh, dueSoon, overdue)
        .doesNotContain(returned, accepted);
    assertThat(incoming.get(Category.UNFINISHED))
        .contains(fresh, dueSoon, overdue, returned)
        .doesNotContain(accepted);
    assertThat(incoming.get(Category.DUE_SOON)).contains(dueSoon).doesNotContain(fresh, overdue);
    assertThat(incoming.get(Category.OVERDUE)).contains(overdue).doesNotContain(fresh, dueSoon);
    assertThat(ids(Direction.OUTGOING).values())
        .allSatisfy(l -> assertThat(l).doesNotContain(fresh));
    // The most urgent first: the overdue one before the one due soon before the fresh one.
    List<Long> pending = incoming.get(Category.PENDING);
    assertThat(pending.indexOf(overdue)).isLessThan(pending.indexOf(dueSoon));
    assertThat(pending.indexOf(dueSoon)).isLessThan(pending.indexOf(fresh));
    assertThat(transfers.pendingIncoming()).isEqualTo(pending.size());

    actAs(DemoAccounts.TOWN_ADMIN);
    Map<Category, List<Long>> outgoing = ids(Direction.OUTGOING);
    assertThat(outgoing.get(Category.UNFINISHED)).contains(fresh, returned, outOfCity);
    assertThat(outgoing.get(Category.PENDING)).doesNotContain(returned, outOfCity);
    assertThat(ids(Direction.INCOMING).get(Category.UNFINISHED)).doesNotContain(fresh);
  }

  Map<Category, List<Long>> ids(Direction direction) {
    Map<Category, List<Long>> ids = new java.util.EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      ids.put(
          c, transfers.workList(null, direction, c).rows().stream().map(TransferView::id).toList());
    }
    return ids;
  }

  @Test
  void theDemoCityHasAFewHundredTransfersSomeOverdueSomeDueSoon() {
    actAs(DemoAccounts.CITY_ADMIN);
    long all =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from member_transfer t where exists (select 1 from"
                            + " member_transfer_event e where e.transfer_id = t.id and e.recorded_by = 'demo')")
                    .query(Long.class)
                    .single());
    assertThat(all).isBetween(300L, 500L);
    Transfers.WorkList overdue = transfers.workList(null, Direction.OUTGOING, Category.OVERDUE);
    Transfers.WorkList dueSoon = transfers.workList(null, Direction.OUTGOING, Category.DUE_SOON);
    assertThat(overdue.counts().get(Category.OVERDUE)).isGreaterThan(10);
    assertThat(dueSoon.counts().get(Category.DUE_SOON)).isGreaterThan(5);
    assertThat(transfers.workList(null, Direction.INCOMING, Category.PENDING).rows()).isNotEmpty();
  }
}
