package org.zugong.member.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zugong.member.transfer.Letter;
import org.zugong.member.transfer.MemberStatus;
import org.zugong.member.transfer.OrganizationKind;
import org.zugong.member.transfer.OrganizationRef;
import org.zugong.member.transfer.Transfer;
import org.zugong.member.transfer.TransferEvent;
import org.zugong.member.transfer.TransferId;
import org.zugong.member.transfer.TransferRequest;
import org.zugong.organization.Organizations;
import org.zugong.person.Persons;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.DemoNames;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.ScopePath;

/**
 * A few hundred transfers of members' relationships: those of 2022 mostly closed (accepted, their
 * members moved; receipts returned; some cancelled) and some never finished, now overdue; and
 * recent ones, counted back from today, waiting for their targets, a few due within the week. Every
 * transfer goes through the {@link Transfer} aggregate, so the data obeys the same rules as the
 * pages.
 *
 * <p>Transfers between districts never touch 江北区, whose records the cross-scope test keeps sealed
 * from the other districts: a transfer shows each end the other's name, by design.
 */
@Component
class TransferDemoData implements DemoDataContributor {

  static final String SEALED_DISTRICT = "330205";
  static final LocalDate YEAR_START = LocalDate.of(2022, 1, 3);

  private static final String[] OUTSIDE = {
    "上海市浦东新区张江镇科创社区党支部",
    "杭州市西湖区文新街道德加社区党支部",
    "北京市海淀区中关村街道科源社区党支部",
    "绍兴市越城区府山街道机关党支部",
    "深圳市南山区粤海街道科技园社区党支部",
    "苏州工业园区星海街道机关党支部",
    "台州市椒江区白云街道机关党支部",
    "合肥市蜀山区三里庵街道机关党支部"
  };
  private static final String[] OUTSIDE_LETTER = {"沪", "杭", "京", "绍", "深", "苏", "台", "合"};
  private static final String[] ARRIVING_ORIGINS = {"310115", "330106", "110108", "330602"};
  private static final String[] RETURN_REASONS = {
    "党员信息与档案不一致，请核对后重新提交", "介绍信抬头有误", "该党员尚未与接收单位建立劳动关系", "党费交纳情况未说明"
  };
  private static final String[] CANCEL_REASONS = {"党员暂不迁出", "党员工作单位变动，改转其他党组织", "重复提交"};
  private static final DemoNames NAMES = DemoNames.COMMON.first(18, 20);

  private final Organizations organizations;
  private final Persons persons;
  private final PersonalDataCipher cipher;

  TransferDemoData(Organizations organizations, Persons persons, PersonalDataCipher cipher) {
    this.organizations = organizations;
    this.persons = persons;
    this.cipher = cipher;
  }

  @Override
  public String name() {
    return "member-transfers";
  }

  @Override
  public int order() {
    return 60;
  }

  record Member(
      long id, long personId, String name, long orgId, ScopePath path, LocalDate joinedOn) {}

  record Holder(long id, String name, ScopePath path, ScopePath treePath, String district) {}

  /** A transfer made, with what the rows need beyond the aggregate. */
  record Made(
      Transfer transfer,
      @Nullable Member member,
      String memberName,
      String sourceName,
      String sourceActorName,
      ScopePath sourcePath,
      @Nullable Holder target,
      String targetName,
      @Nullable String[] arriving) {}

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    LocalDate today = LocalDate.now(demo.clock());
    List<Holder> holders =
        organizations.memberHolders().stream()
            .map(h -> new Holder(h.id(), h.name(), h.path(), h.treePath(), district(h.path())))
            .toList();
    Map<Long, Holder> holderById = new HashMap<>();
    holders.forEach(h -> holderById.put(h.id(), h));
    long maxMember =
        demo.jdbc().sql("select coalesce(max(id), 0) from member").query(Long.class).single();
    if (maxMember == 0 || holders.size() < 2) {
      return;
    }
    Set<Long> ids = new LinkedHashSet<>();
    while (ids.size() < Math.min(900, maxMember)) {
      ids.add(1 + (long) r.nextInt((int) maxMember));
    }
    List<Member> candidates =
        demo
            .jdbc()
            .sql(
                "select id, person_id, name, organization_id, scope_path, joined_on from member"
                    + " where status = 'NORMAL' and id in (:ids) order by id")
            .param("ids", List.copyOf(ids))
            .query(
                (rs, n) ->
                    new Member(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        new ScopePath(rs.getString(5)),
                        rs.getObject(6, LocalDate.class)))
            .list()
            .stream()
            .filter(m -> holderById.containsKey(m.orgId()))
            .toList();
    List<Member> shuffled = new ArrayList<>(candidates);
    java.util.Collections.shuffle(shuffled, r);

    long nextId = 1;
    List<Made> made = new ArrayList<>();
    int used = 0;
    // 2022: about three hundred.
    for (int i = 0; i < 300 && used < shuffled.size(); i++) {
      Member m = shuffled.get(used++);
      LocalDate on = YEAR_START.plusDays(r.nextInt(330));
      if (!m.joinedOn().isBefore(on)) {
        continue;
      }
      int kind = r.nextInt(100);
      Made t =
          kind < 78
              ? within(
                  nextId++,
                  m,
                  holderById.get(m.orgId()),
                  holders,
                  on,
                  months(r),
                  outcome(false, r),
                  today,
                  r)
              : kind < 92
                  ? outOf(nextId++, m, holderById.get(m.orgId()), on, today, false, r)
                  : intoAccepted(nextId++, m, holderById.get(m.orgId()), on, r);
      made.add(t);
    }
    // Recent, counted back from today: waiting, some due this week, a few overdue.
    for (int i = 0; i < 90 && used < shuffled.size(); i++) {
      Member m = shuffled.get(used++);
      boolean dueThisWeek = i < 14;
      LocalDate on =
          dueThisWeek
              ? today.plusDays(r.nextInt(8)).minusMonths(1)
              : today.minusDays(r.nextInt(75));
      if (!m.joinedOn().isBefore(on)) {
        continue;
      }
      Made t =
          r.nextInt(100) < 85 || dueThisWeek
              ? within(
                  nextId++,
                  m,
                  holderById.get(m.orgId()),
                  holders,
                  on,
                  dueThisWeek ? 1 : months(r),
                  dueThisWeek ? Outcome.OPEN : outcome(true, r),
                  today,
                  r)
              : outOf(nextId++, m, holderById.get(m.orgId()), on, today, true, r);
      made.add(t);
    }
    for (int i = 0; i < 15; i++) {
      made.add(intoArriving(nextId++, holders, today.minusDays(r.nextInt(40)), today, r));
    }
    write(demo, made);
    demo.jdbc()
        .sql("select setval('member_transfer_id_seq', ?)")
        .param(nextId)
        .query(Long.class)
        .single();
  }

  // ---- transfers of each kind ----------------------------------------------------------------

  /** How a transfer within the city ends up. */
  enum Outcome {
    OPEN,
    ACCEPTED,
    RETURNED_RESUBMITTED_ACCEPTED,
    CANCELLED,
    RETURNED
  }

  private static Outcome outcome(boolean recent, Random r) {
    int x = r.nextInt(100);
    if (recent) {
      return x < 15
          ? Outcome.ACCEPTED
          : x < 25 ? Outcome.CANCELLED : x < 35 ? Outcome.RETURNED : Outcome.OPEN;
    }
    return x < 70
        ? Outcome.ACCEPTED
        : x < 76
            ? Outcome.RETURNED_RESUBMITTED_ACCEPTED
            : x < 84 ? Outcome.CANCELLED : x < 90 ? Outcome.RETURNED : Outcome.OPEN;
  }

  private Made within(
      long id,
      Member m,
      Holder source,
      List<Holder> holders,
      LocalDate on,
      int months,
      Outcome outcome,
      LocalDate today,
      Random r) {
    Holder target = target(source, holders, r);
    LocalDate validUntil = on.plusMonths(months);
    Transfer t =
        Transfer.submit(
            new TransferId(id),
            new TransferRequest.WithinCity(
                m.id(), source.id(), target.id(), OrganizationKind.BRANCH, validUntil),
            MemberStatus.NORMAL,
            List.of(),
            on);
    LocalDate step = on.plusDays(1 + r.nextInt(12));
    if (step.isAfter(validUntil)) {
      step = validUntil;
    }
    if (step.isAfter(today)) {
      outcome = Outcome.OPEN;
    }
    switch (outcome) {
      case ACCEPTED -> t.accept(target.id(), step);
      case RETURNED_RESUBMITTED_ACCEPTED -> {
        t.returnToSource(target.id(), pick(RETURN_REASONS, r), step);
        LocalDate again = step.plusDays(1 + r.nextInt(5));
        t.resubmit(
            source.id(),
            target.id(),
            OrganizationKind.BRANCH,
            again.plusMonths(1),
            MemberStatus.NORMAL,
            again);
        t.accept(target.id(), again.plusDays(1 + r.nextInt(5)));
      }
      case CANCELLED -> t.cancel(source.id(), pick(CANCEL_REASONS, r), step);
      case RETURNED -> t.returnToSource(target.id(), pick(RETURN_REASONS, r), step);
      case OPEN -> {}
    }
    return new Made(
        t, m, m.name(), source.name(), source.name(), source.path(), target, target.name(), null);
  }

  private Made outOf(
      long id, Member m, Holder source, LocalDate on, LocalDate today, boolean recent, Random r) {
    int outside = r.nextInt(OUTSIDE.length);
    Transfer t =
        Transfer.submit(
            new TransferId(id),
            new TransferRequest.OutOfCity(m.id(), source.id(), OUTSIDE[outside]),
            MemberStatus.NORMAL,
            List.of(),
            on);
    int outcome = r.nextInt(100);
    if (outcome < 8) {
      t.cancel(source.id(), pick(CANCEL_REASONS, r), on.plusDays(r.nextInt(3)));
    } else {
      LocalDate issued = on.plusDays(r.nextInt(3));
      if (issued.isAfter(today)) {
        issued = today;
      }
      t.issueLetter(
          source.id(),
          String.format("甬组转〔%d〕%04d号", issued.getYear(), id),
          issued.plusMonths(months(r)),
          issued);
      LocalDate receipt = issued.plusDays(10 + r.nextInt(50));
      if (!recent && outcome < 80 && !receipt.isAfter(today)) {
        t.recordReceipt(source.id(), receipt);
      }
    }
    return new Made(
        t, m, m.name(), source.name(), source.name(), source.path(), null, OUTSIDE[outside], null);
  }

  /** A member who came into the city in 2022 and was accepted by the branch that holds them now. */
  private Made intoAccepted(long id, Member m, Holder target, LocalDate on, Random r) {
    int outside = r.nextInt(OUTSIDE.length);
    LocalDate issued = on.minusDays(1 + r.nextInt(10));
    Transfer t =
        Transfer.submit(
            new TransferId(id),
            new TransferRequest.IntoCity(
                m.id(),
                OUTSIDE[outside],
                target.id(),
                OrganizationKind.BRANCH,
                target.id(),
                String.format("%s组转〔%d〕%04d号", OUTSIDE_LETTER[outside], issued.getYear(), id),
                issued,
                issued.plusMonths(months(r))),
            MemberStatus.NORMAL,
            List.of(),
            on);
    t.accept(target.id(), on.plusDays(r.nextInt(6)));
    return new Made(
        t,
        m,
        m.name(),
        OUTSIDE[outside],
        target.name(),
        target.path(),
        target,
        target.name(),
        null);
  }

  /** A member arriving from outside the city whose letter waits for the receiving branch. */
  private Made intoArriving(
      long id, List<Holder> holders, LocalDate on, LocalDate today, Random r) {
    Holder target = holders.get(r.nextInt(holders.size()));
    int outside = r.nextInt(OUTSIDE.length);
    LocalDate issued = on.minusDays(r.nextInt(5));
    LocalDate birth = LocalDate.of(1970 + r.nextInt(32), 1 + r.nextInt(12), 1 + r.nextInt(28));
    boolean male = r.nextInt(100) < 65;
    IdCardNumber number =
        DemoPeople.idNumber(ARRIVING_ORIGINS[r.nextInt(ARRIVING_ORIGINS.length)], birth, male, r);
    String name = NAMES.twoGivenName(r);
    LocalDate joined = birth.plusYears(22 + r.nextInt(10));
    if (joined.isAfter(today.minusYears(2))) {
      joined = today.minusYears(2);
    }
    Transfer t =
        Transfer.submit(
            new TransferId(id),
            new TransferRequest.IntoCity(
                0L,
                OUTSIDE[outside],
                target.id(),
                OrganizationKind.BRANCH,
                target.id(),
                String.format("%s组转〔%d〕%04d号", OUTSIDE_LETTER[outside], issued.getYear(), id),
                issued,
                issued.plusMonths(months(r))),
            MemberStatus.NORMAL,
            List.of(),
            on);
    String[] arriving = {
      number.value(),
      "01",
      "BACHELOR",
      "ENTERPRISE_STAFF",
      "FULL",
      joined.toString(),
      joined.plusYears(1).toString()
    };
    return new Made(
        t,
        null,
        name,
        OUTSIDE[outside],
        target.name(),
        target.path(),
        target,
        target.name(),
        arriving);
  }

  // ---- writing ---------------------------------------------------------------------------------

  private void write(DemoData demo, List<Made> made) {
    OffsetDateTime now = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    BulkCopy.Copy transfers =
        demo.bulkCopy()
            .into(
                "member_transfer",
                List.of(
                    "id",
                    "kind",
                    "state",
                    "attempt",
                    "member_id",
                    "member_name",
                    "source_id",
                    "source_name",
                    "source_actor_id",
                    "source_actor_name",
                    "source_path",
                    "target_id",
                    "target_name",
                    "target_path",
                    "scope_path",
                    "letter_number",
                    "letter_issued_on",
                    "letter_valid_until",
                    "submitted_on",
                    "last_step_on",
                    "arriving_id_number_cipher",
                    "arriving_id_number_index",
                    "arriving_id_number_masked",
                    "arriving_ethnicity",
                    "arriving_education",
                    "arriving_category",
                    "arriving_stage",
                    "arriving_joined_on",
                    "arriving_full_on",
                    "created_at",
                    "updated_at"));
    BulkCopy.Copy steps =
        demo.bulkCopy()
            .into(
                "member_transfer_event",
                List.of(
                    "transfer_id",
                    "member_id",
                    "effective_on",
                    "actor_id",
                    "actor_name",
                    "from_state",
                    "to_state",
                    "source_id",
                    "source_name",
                    "target_id",
                    "target_name",
                    "reason",
                    "scope_path",
                    "source_path",
                    "target_path",
                    "recorded_by",
                    "recorded_at"));
    BulkCopy.Copy moveEvents =
        demo.bulkCopy()
            .into(
                "member_event",
                List.of(
                    "member_id",
                    "kind",
                    "effective_on",
                    "organization_id",
                    "detail",
                    "scope_path",
                    "recorded_by",
                    "recorded_at"));
    List<Made> movedMembers = new ArrayList<>();
    for (Made m : made) {
      Transfer t = m.transfer();
      boolean moves =
          t.kind() == org.zugong.member.transfer.TransferKind.WITHIN_CITY
              && t.state() == org.zugong.member.transfer.TransferState.ACCEPTED;
      ScopePath memberPath =
          moves || m.member() == null
              ? java.util.Objects.requireNonNull(m.target()).path()
              : m.member().path();
      String targetPath = m.target() == null ? null : m.target().path().value();
      Letter letter = t.letter().orElse(null);
      String[] a = m.arriving();
      Map<Long, String> names = new HashMap<>();
      names.put(t.sourceActorId(), m.sourceActorName());
      if (t.source() instanceof OrganizationRef.CityOrganization(long sourceId)) {
        names.put(sourceId, m.sourceName());
      }
      if (m.target() != null) {
        names.put(m.target().id(), m.targetName());
      }
      Long memberId = m.member() == null ? null : m.member().id();
      transfers.row(
          t.id().value(),
          t.kind().name(),
          t.state().name(),
          t.attempt(),
          memberId,
          m.memberName(),
          t.source() instanceof OrganizationRef.CityOrganization(long s) ? s : null,
          m.sourceName(),
          t.sourceActorId(),
          m.sourceActorName(),
          m.sourcePath().value(),
          m.target() == null ? null : m.target().id(),
          m.targetName(),
          targetPath,
          memberPath.value(),
          letter == null ? null : letter.number(),
          letter == null ? null : letter.issuedOn(),
          letter == null ? null : letter.validUntil(),
          t.submittedOn(),
          t.history().getLast().date(),
          a == null ? null : cipher.encrypt(a[0]),
          a == null ? null : cipher.blindIndex(a[0]),
          a == null ? null : new IdCardNumber(a[0]).masked(),
          a == null ? null : a[1],
          a == null ? null : a[2],
          a == null ? null : a[3],
          a == null ? null : a[4],
          a == null ? null : LocalDate.parse(a[5]),
          a == null ? null : LocalDate.parse(a[6]),
          now,
          now);
      for (TransferEvent e : t.history()) {
        steps.row(
            t.id().value(),
            memberId,
            e.date(),
            e.actorOrganizationId(),
            names.getOrDefault(e.actorOrganizationId(), ""),
            e.from() == null ? null : e.from().name(),
            e.to().name(),
            e.source() instanceof OrganizationRef.CityOrganization(long s) ? s : null,
            e.source() instanceof OrganizationRef.ExternalOrganization(String n)
                ? n
                : m.sourceName(),
            e.target() instanceof OrganizationRef.CityOrganization(long g) ? g : null,
            m.targetName(),
            e.reason(),
            memberPath.value(),
            m.sourcePath().value(),
            targetPath,
            "demo",
            now);
      }
      if (moves && m.member() != null && m.target() != null) {
        moved(moveEvents, m, t, now);
        movedMembers.add(m);
      }
    }
    transfers.finish();
    steps.finish();
    for (Made m : movedMembers) {
      Member member = java.util.Objects.requireNonNull(m.member());
      Holder target = java.util.Objects.requireNonNull(m.target());
      demo.jdbc()
          .sql("update member set organization_id = ?, scope_path = ?, org_path = ? where id = ?")
          .params(target.id(), target.path().value(), target.treePath().value(), member.id())
          .update();
      demo.jdbc()
          .sql("update member_event set scope_path = ? where member_id = ?")
          .params(target.path().value(), member.id())
          .update();
      persons.placeIn(member.personId(), target.path());
    }
    moveEvents.finish();
  }

  private static void moved(BulkCopy.Copy moveEvents, Made m, Transfer t, OffsetDateTime now) {
    Holder target = java.util.Objects.requireNonNull(m.target());
    moveEvents.row(
        java.util.Objects.requireNonNull(m.member()).id(),
        "MOVED",
        t.history().getLast().date(),
        target.id(),
        m.sourceName(),
        target.path().value(),
        "demo",
        now);
  }

  // ---- choices ---------------------------------------------------------------------------------

  /**
   * Another branch: of the same district six times in ten, else of another; 江北区's branches exchange
   * members among themselves only.
   */
  private static Holder target(Holder source, List<Holder> holders, Random r) {
    boolean sealed = source.district().equals(SEALED_DISTRICT);
    boolean sameDistrict = sealed || r.nextInt(10) < 6;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      Holder h = holders.get(r.nextInt(holders.size()));
      if (h.id() == source.id()) {
        continue;
      }
      boolean same = h.district().equals(source.district());
      if (sameDistrict ? same : !same && !h.district().equals(SEALED_DISTRICT)) {
        return h;
      }
    }
    throw new IllegalStateException("No target for " + source.name());
  }

  /** One to three months, most often one. */
  private static int months(Random r) {
    int x = r.nextInt(10);
    return x < 6 ? 1 : x < 9 ? 2 : 3;
  }

  private static String pick(String[] options, Random r) {
    return options[r.nextInt(options.length)];
  }

  /** The district code of a path, or the first code below the city for the city's own units. */
  static String district(ScopePath path) {
    String[] codes = path.value().split("/");
    return codes.length > 2 ? codes[2] : "";
  }
}
