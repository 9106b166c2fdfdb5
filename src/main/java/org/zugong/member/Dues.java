package org.zugong.member;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.member.dues.DuesCategory;
import org.zugong.member.dues.DuesLedger;
import org.zugong.member.dues.DuesPolicy;
import org.zugong.member.dues.DuesStanding;
import org.zugong.member.dues.DuesStatement;
import org.zugong.member.dues.Exemption;
import org.zugong.member.dues.LedgerMonth;
import org.zugong.member.dues.MonthlyDues;
import org.zugong.member.dues.Payment;
import org.zugong.member.dues.Tariff;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;
import org.zugong.shared.ScopePath;

/**
 * Membership dues (党费) of the members in the caller's scope, by the 2008 dues regulation: what a
 * member owes for a month and the clause behind it, recording payments and exemptions, a member's
 * statement, the month's sheet of an organization and its arrears with the members flagged under
 * the six-month rule of the Party Constitution.
 *
 * <p>The books open in {@code zugong.dues.books-open} (2022-01 by default), the month the dues
 * ledger moved into Zugong: a member owes from that month or the month they joined, whichever is
 * later. Members whose membership is stopped, and former members, owe nothing.
 *
 * <p>The members under an organization are those of its subtree in the organization tree (the
 * member's {@code org_path} lies under the organization's tree path), whatever region its
 * organizations are placed in.
 */
@Service
@Transactional
public class Dues {

  static final String EDITORS =
      "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')";

  /** The statuses of members who owe dues. */
  public static final Set<MemberStatus> OWING =
      EnumSet.of(MemberStatus.NORMAL, MemberStatus.LOST_CONTACT);

  private static final String OWING_SQL = "('NORMAL', 'LOST_CONTACT')";

  private static final String PAYER_COLUMNS =
      "m.id, m.name, m.organization_id, m.scope_path, m.org_path, m.status, m.joined_on, m.dues_category,"
          + " m.monthly_income_fen";

  private static final String PAYMENT_COLUMNS =
      "p.member_id as p_member, p.for_month, p.paid_on, p.fen as p_fen, p.due_fen,"
          + " p.dues_category as p_category, p.basis_fen, p.recorded_at as p_recorded_at";

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final DuesPolicy policy = DuesPolicy.REGULATION_2008;
  private final YearMonth booksOpen;

  Dues(
      JdbcClient jdbc,
      Organizations organizations,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${zugong.dues.books-open:2022-01}") String booksOpen) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.events = events;
    this.clock = clock;
    this.booksOpen = YearMonth.parse(booksOpen);
  }

  // ---- views ---------------------------------------------------------------------------------

  /** A member as their dues are computed. {@code incomeFen} is the salary or pension, if known. */
  public record Payer(
      long id,
      String name,
      long organizationId,
      String organizationName,
      ScopePath scopePath,
      String orgPath,
      MemberStatus status,
      DuesCategory category,
      @Nullable Long incomeFen,
      YearMonth firstMonth) {

    public boolean owes() {
      return OWING.contains(status);
    }
  }

  /** An approved exemption or reduction on record. */
  public record ExemptionRecord(
      long id, Exemption exemption, String recordedBy, OffsetDateTime recordedAt) {

    public BigDecimal payableYuan() {
      return yuan(exemption.payableFen());
    }
  }

  /** Whether a month is paid, unpaid, or has nothing due. */
  public enum MonthState {
    PAID,
    UNPAID,
    NOTHING_DUE;

    public String messageKey() {
      return "dues.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One month of a ledger as pages show it: its state, its due and the payment, if any. */
  public record MonthView(
      YearMonth month, MonthState state, MonthlyDues due, @Nullable Payment payment) {

    public BigDecimal dueYuan() {
      return yuan(due.fen());
    }

    public @Nullable BigDecimal paidYuan() {
      return payment == null ? null : yuan(payment.fen());
    }

    public static MonthView of(LedgerMonth m) {
      return switch (m) {
        case LedgerMonth.Paid p -> new MonthView(m.month(), MonthState.PAID, m.due(), p.payment());
        case LedgerMonth.Unpaid u -> new MonthView(m.month(), MonthState.UNPAID, m.due(), null);
        case LedgerMonth.NothingDue d ->
            new MonthView(m.month(), MonthState.NOTHING_DUE, m.due(), null);
      };
    }
  }

  /** A member's dues through a month, with the exemptions on record. */
  public record MemberLedger(
      Payer member, DuesStatement statement, List<ExemptionRecord> exemptions) {

    public boolean lapsed() {
      return statement.standing() instanceof DuesStanding.Lapsed;
    }

    /** The months of the statement, latest first. */
    public List<MonthView> months() {
      return statement.months().reversed().stream().map(MonthView::of).toList();
    }
  }

  /** One member's line of a month's sheet: paid, unpaid, or with nothing due. */
  public record SheetLine(Payer member, MonthView month) {}

  /**
   * A page of a month's sheet of the members under an organization, with the figures of all of
   * them: how many owe for the month and how many of them paid, and how much.
   */
  public record Sheet(
      OrganizationView organization,
      YearMonth month,
      boolean unpaidOnly,
      List<SheetLine> lines,
      int page,
      int size,
      long total,
      long members,
      long paid,
      long paidFen) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }

    public long unpaid() {
      return members - paid;
    }

    public BigDecimal paidYuan() {
      return yuan(paidFen);
    }
  }

  /** A member with unpaid months or flagged under the six-month rule, through a month. */
  public record Debtor(Payer member, int months, long fen, DuesStanding standing) {
    public boolean lapsed() {
      return standing instanceof DuesStanding.Lapsed;
    }

    public BigDecimal yuan() {
      return Dues.yuan(fen);
    }
  }

  /** The arrears figures of one part of the tree: members in arrears, their total, the lapsed. */
  public record ArrearsFigures(OrganizationView organization, int inArrears, long fen, int lapsed) {
    public BigDecimal yuan() {
      return Dues.yuan(fen);
    }
  }

  /** The arrears under an organization through a month, by child organization and member. */
  public record Arrears(
      OrganizationView organization,
      YearMonth through,
      ArrearsFigures total,
      List<ArrearsFigures> parts,
      List<Debtor> debtors) {

    /** The total first, then each part. */
    public List<ArrearsFigures> rows() {
      List<ArrearsFigures> rows = new ArrayList<>(parts.size() + 1);
      rows.add(total);
      rows.addAll(parts);
      return rows;
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The first month of the books: no dues are kept before it. */
  public YearMonth booksOpen() {
    return booksOpen;
  }

  /**
   * The month pages open on: the latest month with a payment in the caller's scope, never after the
   * current month; the current month when nothing is paid yet.
   */
  @Transactional(readOnly = true)
  public YearMonth latestMonth() {
    YearMonth now = YearMonth.now(clock);
    LocalDate latest =
        jdbc.sql("select max(for_month) from member_dues_payment")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (latest == null || YearMonth.from(latest).isAfter(now)) {
      return now;
    }
    return YearMonth.from(latest);
  }

  @Transactional(readOnly = true)
  public Payer payer(long memberId) {
    return payerRow(memberId, false);
  }

  /** What the member owes for the month, with the clause that sets it. */
  @Transactional(readOnly = true)
  public MonthlyDues amountFor(long memberId, YearMonth month) {
    Payer p = payer(memberId);
    return due(p, month, exemptions(List.of(memberId)).getOrDefault(memberId, List.of()));
  }

  /** The member's months from the first through {@code through}, as they stood at its end. */
  @Transactional(readOnly = true)
  public MemberLedger ledger(long memberId, YearMonth through) {
    Payer p = payer(memberId);
    List<ExemptionRecord> exemptions =
        exemptions(List.of(memberId)).getOrDefault(memberId, List.of());
    DuesLedger ledger = restore(p, payments(memberId), exemptions);
    return new MemberLedger(
        p, ledger.statementThrough(through, m -> due(p, m, exemptions)), exemptions);
  }

  @Transactional(readOnly = true)
  public DuesStatement statement(long memberId, YearMonth through) {
    return ledger(memberId, through).statement();
  }

  /** The tree path under which the members of an organization's subtree lie. */
  static String under(OrganizationView org) {
    return org.treePath().value();
  }

  private OrganizationView organization(long id) {
    return organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
  }

  /**
   * The members under an organization who owe dues for the month, a page at a time, each paid,
   * unpaid or with nothing due; {@code unpaidOnly} leaves out those who paid.
   */
  @Transactional(readOnly = true)
  public Sheet sheet(long organizationId, YearMonth month, boolean unpaidOnly, int page, int size) {
    OrganizationView org = organization(organizationId);
    if (month.isBefore(booksOpen)) {
      return new Sheet(org, month, unpaidOnly, List.of(), page, size, 0, 0, 0, 0);
    }
    String from =
        " from member m left join member_dues_payment p on p.member_id = m.id and p.for_month = :month"
            + " where starts_with(m.org_path, :under) and m.status in "
            + OWING_SQL
            + " and m.joined_on < :after";
    String under = under(org);
    LocalDate after = month.plusMonths(1).atDay(1);
    long[] figures = new long[3];
    jdbc.sql("select count(*), count(p.member_id), coalesce(sum(p.fen), 0)" + from)
        .param("month", month.atDay(1))
        .param("under", under)
        .param("after", after)
        .query(
            rs -> {
              figures[0] = rs.getLong(1);
              figures[1] = rs.getLong(2);
              figures[2] = rs.getLong(3);
            });
    List<SheetRow> rows =
        jdbc.sql(
                "select "
                    + PAYER_COLUMNS
                    + ", "
                    + PAYMENT_COLUMNS
                    + from
                    + (unpaidOnly ? " and p.member_id is null" : "")
                    + " order by m.org_path, m.id limit :size offset :offset")
            .param("month", month.atDay(1))
            .param("under", under)
            .param("after", after)
            .param("size", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> new SheetRow(payerRow(rs), paymentRow(rs)))
            .list();
    Map<Long, List<ExemptionRecord>> exemptions =
        exemptions(rows.stream().map(r -> r.payer().id()).toList());
    Map<Long, String> names = names(rows.stream().map(r -> r.payer().orgId()).toList());
    List<SheetLine> lines = new ArrayList<>(rows.size());
    for (SheetRow r : rows) {
      Payer p = r.payer().payer(names, booksOpen);
      List<ExemptionRecord> ex = exemptions.getOrDefault(p.id(), List.of());
      PaymentRow paid = r.payment();
      LedgerMonth line;
      if (paid != null) {
        line = new LedgerMonth.Paid(payment(paid, ex));
      } else {
        MonthlyDues due = due(p, month, ex);
        line = due.fen() == 0 ? new LedgerMonth.NothingDue(due) : new LedgerMonth.Unpaid(due);
      }
      lines.add(new SheetLine(p, MonthView.of(line)));
    }
    long total = unpaidOnly ? figures[0] - figures[1] : figures[0];
    return new Sheet(
        org, month, unpaidOnly, lines, page, size, total, figures[0], figures[1], figures[2]);
  }

  /**
   * The members under an organization with unpaid months through {@code through}, or flagged as
   * having given up membership by six consecutive months unpaid, with the figures of the
   * organization and of each of its children.
   *
   * <p>The database first leaves out every member whose months were all paid on time enough to rule
   * out both arrears and the six-month flag (each month paid by the end of {@code through} and
   * before six months had passed); the ledger then judges the rest.
   */
  @Transactional(readOnly = true)
  public Arrears arrears(long organizationId, YearMonth through) {
    OrganizationView org = organization(organizationId);
    String under = under(org);
    LocalDate throughDay = through.atDay(1);
    Map<Long, PayerRow> payers = new LinkedHashMap<>();
    Map<Long, List<PaymentRow>> payments = new HashMap<>();
    jdbc.sql(
            """
            with c as (
              select %s, greatest(cast(:open as date), cast(date_trunc('month', m.joined_on) as date)) as first_month
              from member m
              where starts_with(m.org_path, :under) and m.status in %s and m.joined_on < :after),
            on_time as (
              select s.member_id, count(*) as months
              from member_dues_payment s join c on c.id = s.member_id
              where s.for_month >= c.first_month and s.for_month <= :through
                and s.paid_on < :after and s.paid_on < s.for_month + make_interval(months => :lapse)
              group by s.member_id),
            d as (
              select c.* from c left join on_time t on t.member_id = c.id
              where coalesce(t.months, 0)
                < (date_part('year', cast(:through as date)) - date_part('year', c.first_month)) * 12
                  + date_part('month', cast(:through as date)) - date_part('month', c.first_month) + 1)
            select d.*, %s
            from d left join member_dues_payment p
              on p.member_id = d.id and p.for_month >= d.first_month and p.for_month <= :through
            order by d.org_path, d.id, p.for_month
            """
                .formatted(PAYER_COLUMNS, OWING_SQL, PAYMENT_COLUMNS))
        .param("open", booksOpen.atDay(1))
        .param("under", under)
        .param("after", through.plusMonths(1).atDay(1))
        .param("through", throughDay)
        .param("lapse", DuesLedger.LAPSE_MONTHS)
        .query(
            rs -> {
              PayerRow payer = payerRow(rs);
              payers.putIfAbsent(payer.id(), payer);
              PaymentRow payment = paymentRow(rs);
              if (payment != null) {
                payments.computeIfAbsent(payer.id(), k -> new ArrayList<>()).add(payment);
              }
            });
    Map<Long, List<ExemptionRecord>> exemptions = exemptionsUnder(under);
    Map<Long, String> names = names(payers.values().stream().map(PayerRow::orgId).toList());
    List<Debtor> debtors = new ArrayList<>();
    for (PayerRow row : payers.values()) {
      Payer p = row.payer(names, booksOpen);
      List<ExemptionRecord> ex = exemptions.getOrDefault(p.id(), List.of());
      DuesStatement s =
          restore(p, payments.getOrDefault(p.id(), List.of()), ex)
              .statementThrough(through, m -> due(p, m, ex));
      if (s.arrearsMonths() > 0 || s.standing() instanceof DuesStanding.Lapsed) {
        debtors.add(new Debtor(p, s.arrearsMonths(), s.arrearsFen(), s.standing()));
      }
    }
    List<ArrearsFigures> parts = new ArrayList<>();
    for (OrganizationView child : organizations.children(org.id())) {
      if (child.kind() != OrganizationKind.GROUP) {
        parts.add(figures(child, under(child), debtors));
      }
    }
    return new Arrears(org, through, figures(org, under, debtors), parts, debtors);
  }

  private static ArrearsFigures figures(
      OrganizationView org, String under, Collection<Debtor> debtors) {
    int inArrears = 0;
    int lapsed = 0;
    long fen = 0;
    for (Debtor d : debtors) {
      if (d.member().orgPath().startsWith(under)) {
        if (d.months() > 0) {
          inArrears++;
          fen += d.fen();
        }
        if (d.lapsed()) {
          lapsed++;
        }
      }
    }
    return new ArrearsFigures(org, inArrears, fen, lapsed);
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Records that {@code fen} was paid on {@code paidOn} for the member's dues of {@code month}, or
   * refuses it with the ledger's reason.
   */
  @PreAuthorize(EDITORS)
  public void recordPayment(long memberId, YearMonth month, long fen, LocalDate paidOn) {
    // The lock makes a second payment for the month wait and then meet the first in the ledger.
    Payer p = payerRow(memberId, true);
    if (!p.owes()) {
      throw new InvalidValueException("dues.payment.not-owing", p.name());
    }
    List<ExemptionRecord> exemptions =
        exemptions(List.of(memberId)).getOrDefault(memberId, List.of());
    DuesLedger ledger = restore(p, payments(memberId), exemptions);
    MonthlyDues due = due(p, month, exemptions);
    ledger.recordPayment(due, fen, paidOn, LocalDate.now(clock)).orThrow();
    boolean proportional = policy.tariffFor(p.category()) instanceof Tariff.Proportional;
    jdbc.sql(
            """
            insert into member_dues_payment (member_id, for_month, paid_on, fen, due_fen, dues_category,
              basis_fen, scope_path, recorded_by, recorded_at)
            values (:member, :month, :paidOn, :fen, :due, :category, :basis, :scope, :by, :at)
            """)
        .param("member", memberId)
        .param("month", month.atDay(1))
        .param("paidOn", paidOn)
        .param("fen", fen)
        .param("due", due.fen())
        .param("category", p.category().name())
        .param("basis", proportional ? p.incomeFen() : null)
        .param("scope", p.scopePath().value())
        .param("by", actor())
        .param("at", OffsetDateTime.now(clock))
        .update();
    events.publishEvent(
        new RecordChanged(
            "member_dues_payment",
            memberId + "/" + month,
            "create",
            p.scopePath().value(),
            Map.of(
                "member", new Change(null, Long.toString(memberId)),
                "month", new Change(null, month.toString()),
                "paidOn", new Change(null, paidOn.toString()),
                "fen", new Change(null, Long.toString(fen)),
                "dueFen", new Change(null, Long.toString(due.fen())),
                "clause", new Change(null, due.clause().reference()))));
  }

  /** Records an approved exemption (免交) or reduction (少交) of the member's dues. */
  @PreAuthorize(EDITORS)
  public long recordExemption(
      long memberId, YearMonth from, YearMonth until, long payableFen, String reason) {
    Exemption exemption = new Exemption(from, until, payableFen, reason);
    Payer p = payerRow(memberId, true);
    long id =
        jdbc.sql(
                """
                insert into member_dues_exemption (member_id, from_month, until_month, payable_fen, reason,
                  scope_path, recorded_by, recorded_at)
                values (:member, :from, :until, :payable, :reason, :scope, :by, :at) returning id
                """)
            .param("member", memberId)
            .param("from", from.atDay(1))
            .param("until", until.atDay(1))
            .param("payable", payableFen)
            .param("reason", exemption.reason())
            .param("scope", p.scopePath().value())
            .param("by", actor())
            .param("at", OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "member_dues_exemption",
            Long.toString(id),
            "create",
            p.scopePath().value(),
            Map.of(
                "member", new Change(null, Long.toString(memberId)),
                "from", new Change(null, from.toString()),
                "until", new Change(null, until.toString()),
                "payableFen", new Change(null, Long.toString(payableFen)),
                "reason", new Change(null, exemption.reason()))));
    return id;
  }

  // ---- persistence ---------------------------------------------------------------------------

  record PayerRow(
      long id,
      String name,
      long orgId,
      String path,
      String orgPath,
      String status,
      LocalDate joinedOn,
      String category,
      @Nullable Long incomeFen) {

    Payer payer(Map<Long, String> names, YearMonth booksOpen) {
      YearMonth joined = YearMonth.from(joinedOn);
      return new Payer(
          id,
          name,
          orgId,
          names.getOrDefault(orgId, ""),
          new ScopePath(path),
          orgPath,
          MemberStatus.valueOf(status),
          DuesCategory.valueOf(category),
          incomeFen,
          joined.isBefore(booksOpen) ? booksOpen : joined);
    }
  }

  record PaymentRow(
      YearMonth month,
      LocalDate paidOn,
      long fen,
      long dueFen,
      DuesCategory category,
      @Nullable Long basisFen,
      OffsetDateTime recordedAt) {}

  record SheetRow(PayerRow payer, @Nullable PaymentRow payment) {}

  private static PayerRow payerRow(ResultSet rs) throws SQLException {
    return new PayerRow(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getLong("organization_id"),
        rs.getString("scope_path"),
        rs.getString("org_path"),
        rs.getString("status"),
        rs.getObject("joined_on", LocalDate.class),
        rs.getString("dues_category"),
        rs.getObject("monthly_income_fen", Long.class));
  }

  private static @Nullable PaymentRow paymentRow(ResultSet rs) throws SQLException {
    if (rs.getObject("p_member") == null) {
      return null;
    }
    return new PaymentRow(
        YearMonth.from(rs.getObject("for_month", LocalDate.class)),
        rs.getObject("paid_on", LocalDate.class),
        rs.getLong("p_fen"),
        rs.getLong("due_fen"),
        DuesCategory.valueOf(rs.getString("p_category")),
        rs.getObject("basis_fen", Long.class),
        rs.getObject("p_recorded_at", OffsetDateTime.class));
  }

  private Payer payerRow(long memberId, boolean lock) {
    PayerRow row =
        jdbc.sql(
                "select "
                    + PAYER_COLUMNS
                    + " from member m where m.id = ?"
                    + (lock ? " for no key update" : ""))
            .param(memberId)
            .query((rs, n) -> payerRow(rs))
            .optional()
            .orElseThrow(() -> new MemberNotFoundException(memberId));
    return row.payer(names(List.of(row.orgId())), booksOpen);
  }

  private List<PaymentRow> payments(long memberId) {
    return jdbc.sql(
            "select "
                + PAYMENT_COLUMNS
                + " from member_dues_payment p where p.member_id = ? order by p.for_month")
        .param(memberId)
        .query((rs, n) -> paymentRow(rs))
        .list();
  }

  private Map<Long, List<ExemptionRecord>> exemptions(Collection<Long> memberIds) {
    if (memberIds.isEmpty()) {
      return Map.of();
    }
    return exemptionRows(
        jdbc.sql(
                "select * from member_dues_exemption where member_id in (:ids) order by member_id, id")
            .param("ids", List.copyOf(new HashSet<>(memberIds))));
  }

  private Map<Long, List<ExemptionRecord>> exemptionsUnder(String under) {
    return exemptionRows(
        jdbc.sql(
                "select e.* from member_dues_exemption e join member m on m.id = e.member_id"
                    + " where starts_with(m.org_path, :under) order by e.member_id, e.id")
            .param("under", under));
  }

  private static Map<Long, List<ExemptionRecord>> exemptionRows(JdbcClient.StatementSpec spec) {
    Map<Long, List<ExemptionRecord>> byMember = new HashMap<>();
    spec.query(
        rs -> {
          byMember
              .computeIfAbsent(rs.getLong("member_id"), k -> new ArrayList<>())
              .add(
                  new ExemptionRecord(
                      rs.getLong("id"),
                      new Exemption(
                          YearMonth.from(rs.getObject("from_month", LocalDate.class)),
                          YearMonth.from(rs.getObject("until_month", LocalDate.class)),
                          rs.getLong("payable_fen"),
                          rs.getString("reason")),
                      rs.getString("recorded_by"),
                      rs.getObject("recorded_at", OffsetDateTime.class)));
        });
    return byMember;
  }

  private Map<Long, String> names(Collection<Long> organizationIds) {
    return organizations.names(new HashSet<>(organizationIds));
  }

  private MonthlyDues due(Payer p, YearMonth month, List<ExemptionRecord> exemptions) {
    return policy.amountFor(
        p.category(),
        p.incomeFen() == null ? 0 : p.incomeFen(),
        month,
        exemptions.stream().map(ExemptionRecord::exemption).toList());
  }

  /**
   * A stored payment with its due as it stood when paid: computed from the category and income it
   * was paid on, under the exemptions recorded by then.
   */
  private Payment payment(PaymentRow r, List<ExemptionRecord> exemptions) {
    List<Exemption> then =
        exemptions.stream()
            .filter(e -> !e.recordedAt().isAfter(r.recordedAt()))
            .map(ExemptionRecord::exemption)
            .toList();
    MonthlyDues due =
        policy.amountFor(r.category(), r.basisFen() == null ? 0 : r.basisFen(), r.month(), then);
    return new Payment(due, r.paidOn(), r.fen());
  }

  private DuesLedger restore(Payer p, List<PaymentRow> rows, List<ExemptionRecord> exemptions) {
    List<Payment> payments = new ArrayList<>(rows.size());
    for (PaymentRow r : rows) {
      payments.add(payment(r, exemptions));
    }
    return DuesLedger.restore(p.firstMonth(), payments);
  }

  static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }
}
