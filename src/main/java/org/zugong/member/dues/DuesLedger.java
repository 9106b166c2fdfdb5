package org.zugong.member.dues;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.zugong.shared.Decision;
import org.zugong.shared.InvalidValueException;

/**
 * One member's dues payments, month by month from the first month the member owes dues (a
 * probationary member owes from the month the branch meeting admitted them).
 *
 * <p>It refuses a payment for a month before the first, dated after today, for a month beyond the
 * quarter of its date (art. 12 allows paying by quarter, not further ahead), for a month already
 * paid, or below the due (党员必须足额交纳).
 */
public final class DuesLedger {

  /** Party Constitution art. 9: six consecutive months unpaid without proper reason. */
  public static final int LAPSE_MONTHS = 6;

  private final YearMonth firstMonth;
  private final TreeMap<YearMonth, Payment> payments = new TreeMap<>();

  public DuesLedger(YearMonth firstMonth) {
    this.firstMonth = firstMonth;
  }

  /**
   * Rebuilds a ledger from payments stored earlier, which were checked when they were recorded and
   * are taken as they are. A month given twice is refused, since no ledger can hold it.
   */
  public static DuesLedger restore(YearMonth firstMonth, Collection<Payment> payments) {
    DuesLedger ledger = new DuesLedger(firstMonth);
    for (Payment p : payments) {
      if (ledger.payments.put(p.month(), p) != null) {
        throw new IllegalArgumentException("two payments for " + p.month());
      }
    }
    return ledger;
  }

  public YearMonth firstMonth() {
    return firstMonth;
  }

  public Optional<Payment> paymentFor(YearMonth month) {
    return Optional.ofNullable(payments.get(month));
  }

  public List<Payment> payments() {
    return List.copyOf(payments.values());
  }

  /**
   * Records that {@code fen} was paid on {@code paidOn} for the month of {@code due}, or refuses it
   * and leaves the ledger unchanged.
   */
  public Decision recordPayment(MonthlyDues due, long fen, LocalDate paidOn, LocalDate today) {
    if (fen < 0) {
      throw new InvalidValueException("dues.amount.negative", Yuan.of(fen));
    }
    YearMonth month = due.month();
    if (month.isBefore(firstMonth)) {
      return Decision.refused(
          "no-dues-before-first-month", "dues.payment.before-first-month", month, firstMonth);
    }
    if (paidOn.isAfter(today)) {
      return Decision.refused("no-future-payment-date", "dues.payment.future-date", paidOn, today);
    }
    if (month.isAfter(lastMonthOfQuarter(paidOn))) {
      return Decision.refused(
          "advance-within-quarter", "dues.payment.too-far-ahead", month, paidOn);
    }
    Payment earlier = payments.get(month);
    if (earlier != null) {
      return Decision.refused(
          "one-payment-a-month", "dues.payment.already-paid", month, earlier.paidOn());
    }
    if (fen < due.fen()) {
      return Decision.refused(
          "paid-in-full", "dues.payment.short", month, Yuan.of(fen), Yuan.of(due.fen()));
    }
    payments.put(month, new Payment(due, paidOn, fen));
    return Decision.ALLOWED;
  }

  private static YearMonth lastMonthOfQuarter(LocalDate day) {
    int quarterEnd = (day.getMonthValue() + 2) / 3 * 3;
    return YearMonth.of(day.getYear(), quarterEnd);
  }

  /**
   * The months from the first month through {@code through}, each paid, unpaid or with nothing due,
   * as they stood at the end of {@code through}: a payment made later does not count. Pass the last
   * month whose dues are expected (often the current month or the one before).
   *
   * @param dueFor the dues of a month not yet paid, usually {@link DuesPolicy#amountFor} with the
   *     member's category, income and exemptions of that month
   */
  public DuesStatement statementThrough(
      YearMonth through, Function<YearMonth, MonthlyDues> dueFor) {
    Map<YearMonth, MonthlyDues> dues = new TreeMap<>();
    for (YearMonth m = firstMonth; !m.isAfter(through); m = m.plusMonths(1)) {
      MonthlyDues due = dueFor.apply(m);
      if (!due.month().equals(m)) {
        throw new IllegalArgumentException("dues for " + due.month() + " given for " + m);
      }
      dues.put(m, due);
    }
    LocalDate end = through.atEndOfMonth();
    List<LedgerMonth> months = new ArrayList<>();
    for (MonthlyDues due : dues.values()) {
      Payment payment = payments.get(due.month());
      if (payment != null && payment.madeBy(end)) {
        months.add(new LedgerMonth.Paid(payment));
      } else if (due.fen() == 0) {
        months.add(new LedgerMonth.NothingDue(due));
      } else {
        months.add(new LedgerMonth.Unpaid(due));
      }
    }
    return new DuesStatement(firstMonth, through, months, standing(dues, months));
  }

  /**
   * Looks at the end of every month for six consecutive months then unpaid. A month counts as paid
   * from the day of its payment, so paying it on the last day of the sixth month breaks the run and
   * paying it the day after does not; a month with nothing due breaks the run too, since not paying
   * it breaks no rule.
   */
  private DuesStanding standing(Map<YearMonth, MonthlyDues> dues, List<LedgerMonth> months) {
    for (YearMonth m : dues.keySet()) {
      LocalDate end = m.atEndOfMonth();
      int run = 0;
      for (YearMonth k = m;
          !k.isBefore(firstMonth) && unpaidAt(k, end, dues);
          k = k.minusMonths(1)) {
        if (++run == LAPSE_MONTHS) {
          return new DuesStanding.Lapsed(k, m, end);
        }
      }
    }
    int unpaid = 0;
    long fen = 0;
    for (LedgerMonth month : months) {
      if (month instanceof LedgerMonth.Unpaid u) {
        unpaid++;
        fen += u.due().fen();
      }
    }
    return unpaid == 0 ? new DuesStanding.UpToDate() : new DuesStanding.InArrears(unpaid, fen);
  }

  private boolean unpaidAt(YearMonth month, LocalDate day, Map<YearMonth, MonthlyDues> dues) {
    Payment payment = payments.get(month);
    boolean paid = payment != null && payment.madeBy(day);
    return !paid && dues.get(month).fen() > 0;
  }
}
