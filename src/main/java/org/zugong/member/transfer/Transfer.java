package org.zugong.member.transfer;

import static org.zugong.member.transfer.TransferRules.firstRefusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zugong.member.transfer.OrganizationRef.CityOrganization;
import org.zugong.member.transfer.OrganizationRef.ExternalOrganization;
import org.zugong.shared.Decision;

/**
 * The transfer of one member's organizational relationship (组织关系转接), which owns its states and
 * refuses the steps its rules forbid.
 *
 * <pre>
 * WITHIN_CITY, INTO_CITY: SUBMITTED ─accept (target)──────────────▶ ACCEPTED
 *                         SUBMITTED ─return with reason (target)──▶ RETURNED
 *                         RETURNED  ─resubmit (source, within city only)▶ SUBMITTED
 * OUT_OF_CITY:            SUBMITTED ─issue letter (source)─▶ LETTER_ISSUED ─receipt (source)─▶ RECEIPT_RETURNED
 * any open state          ─cancel (source)─▶ CANCELLED
 * </pre>
 *
 * <p>A returned transfer stays open and is resubmitted as the same transfer, its attempt counted,
 * rather than replaced by a new one: the member's history then reads as one move with its detours,
 * the returned transfer stays in the source's work list until the source acts, and no other
 * transfer of the member can start meanwhile. Only a transfer within the city is resubmitted, with
 * a new electronic letter and possibly another target; a returned transfer into the city is
 * cancelled by its registrar, and registered again if the member's letter is good for another
 * organization.
 *
 * <p>"The source" acting means the organization of the city that acts for it: the source itself, or
 * for a transfer into the city the registrar of the letter (see {@link TransferRequest.IntoCity}).
 * "The target" acting means the receiving organization of the city; a transfer out of the city has
 * none here, so it closes by the receipt its source records.
 *
 * <p>Each step is dated with the {@code today} it is given, never before the previous step. The
 * {@code can…} methods tell whether a step is allowed, and why not; the step methods refuse with an
 * {@link org.zugong.shared.InvalidValueException} carrying the same message key.
 */
public final class Transfer {

  private final TransferId id;
  private final TransferKind kind;
  private final long memberId;
  private final OrganizationRef source;
  private final long sourceActorId;
  private OrganizationRef target;
  private @Nullable Letter letter;
  private TransferState state;
  private int attempt;
  private final List<TransferEvent> history = new ArrayList<>();

  private Transfer(
      TransferId id,
      TransferKind kind,
      long memberId,
      OrganizationRef source,
      long sourceActorId,
      OrganizationRef target,
      @Nullable Letter letter,
      LocalDate today) {
    this.id = id;
    this.kind = kind;
    this.memberId = memberId;
    this.source = source;
    this.sourceActorId = sourceActorId;
    this.target = target;
    this.letter = letter;
    this.state = TransferState.SUBMITTED;
    this.attempt = 1;
    record(today, sourceActorId, null, TransferState.SUBMITTED, null);
  }

  /**
   * Rebuilds a transfer from what was stored of it: its current target, letter and attempt, and
   * every step so far, the submission first. The state is the one the last step led to; the rules
   * are not checked again, since each step passed them when it was taken.
   */
  public static Transfer restore(
      TransferId id,
      TransferKind kind,
      long memberId,
      OrganizationRef source,
      long sourceActorId,
      OrganizationRef target,
      @Nullable Letter letter,
      int attempt,
      List<TransferEvent> history) {
    if (history.isEmpty() || history.getFirst().from() != null) {
      throw new IllegalArgumentException("A transfer's history starts with its submission");
    }
    Transfer t =
        new Transfer(
            id, kind, memberId, source, sourceActorId, target, letter, history.getFirst().date());
    t.history.clear();
    t.history.addAll(history);
    t.state = history.getLast().to();
    t.attempt = attempt;
    return t;
  }

  /**
   * Whether this request may start a transfer today.
   *
   * @param memberStatus the member's status today
   * @param memberTransfers the member's transfers so far (others' are ignored)
   */
  public static Decision canSubmit(
      TransferRequest request,
      MemberStatus memberStatus,
      Collection<Transfer> memberTransfers,
      LocalDate today) {
    return firstRefusal(
        () -> TransferRules.memberInNormalStatus(memberStatus),
        () -> TransferRules.oneOpenTransferPerMember(request.memberId(), memberTransfers),
        () ->
            switch (request) {
              case TransferRequest.WithinCity w ->
                  firstRefusal(
                      () -> TransferRules.sourceAndTargetDiffer(w.sourceId(), w.targetId()),
                      () -> TransferRules.targetHoldsMembers(w.targetKind()),
                      () -> TransferRules.letterValidityInRange(today, w.validUntil()));
              case TransferRequest.OutOfCity o ->
                  TransferRules.externalOrganizationNamed(o.targetName());
              case TransferRequest.IntoCity i ->
                  firstRefusal(
                      () -> TransferRules.externalOrganizationNamed(i.sourceName()),
                      () -> TransferRules.targetHoldsMembers(i.targetKind()),
                      () -> TransferRules.letterNumberGiven(i.letterNumber()),
                      () ->
                          TransferRules.letterValidityInRange(
                              i.letterIssuedOn(), i.letterValidUntil()),
                      () -> TransferRules.letterIssuedByToday(i.letterIssuedOn(), today),
                      () -> TransferRules.letterNotExpired(i.letterValidUntil(), today));
            });
  }

  /** Starts a transfer, or refuses as {@link #canSubmit} tells. */
  public static Transfer submit(
      TransferId id,
      TransferRequest request,
      MemberStatus memberStatus,
      Collection<Transfer> memberTransfers,
      LocalDate today) {
    canSubmit(request, memberStatus, memberTransfers, today).orThrow();
    return switch (request) {
      case TransferRequest.WithinCity w ->
          new Transfer(
              id,
              TransferKind.WITHIN_CITY,
              w.memberId(),
              new CityOrganization(w.sourceId()),
              w.sourceId(),
              new CityOrganization(w.targetId()),
              Letter.electronic(today, w.validUntil()),
              today);
      case TransferRequest.OutOfCity o ->
          new Transfer(
              id,
              TransferKind.OUT_OF_CITY,
              o.memberId(),
              new CityOrganization(o.sourceId()),
              o.sourceId(),
              new ExternalOrganization(Objects.requireNonNull(o.targetName())),
              null,
              today);
      case TransferRequest.IntoCity i ->
          new Transfer(
              id,
              TransferKind.INTO_CITY,
              i.memberId(),
              new ExternalOrganization(Objects.requireNonNull(i.sourceName())),
              i.registrarId(),
              new CityOrganization(i.targetId()),
              new Letter(i.letterNumber(), i.letterIssuedOn(), i.letterValidUntil()),
              today);
    };
  }

  // ---- accept

  /** The target accepts the member, within the letter's validity. */
  public Decision canAccept(long actorOrganizationId, LocalDate today) {
    return firstRefusal(
        this::closesInTheCity,
        () -> inState(TransferState.SUBMITTED),
        () ->
            byTarget(
                actorOrganizationId, "only-target-accepts", "transfer.rule.only-target-accepts"),
        () -> notBeforeLastStep(today),
        () -> TransferRules.letterNotExpired(requiredLetter().validUntil(), today));
  }

  public void accept(long actorOrganizationId, LocalDate today) {
    canAccept(actorOrganizationId, today).orThrow();
    moveTo(TransferState.ACCEPTED, actorOrganizationId, today, null);
  }

  // ---- return

  /** The target sends the transfer back to its source, saying why; an expired one too. */
  public Decision canReturn(long actorOrganizationId, @Nullable String reason, LocalDate today) {
    return firstRefusal(
        this::closesInTheCity,
        () -> inState(TransferState.SUBMITTED),
        () ->
            byTarget(
                actorOrganizationId, "only-target-returns", "transfer.rule.only-target-returns"),
        () -> notBeforeLastStep(today),
        () -> TransferRules.returnHasReason(reason));
  }

  public void returnToSource(long actorOrganizationId, String reason, LocalDate today) {
    canReturn(actorOrganizationId, reason, today).orThrow();
    moveTo(TransferState.RETURNED, actorOrganizationId, today, reason.strip());
  }

  // ---- resubmit

  /**
   * The source resubmits a returned transfer within the city, to the same or another target, with a
   * new electronic letter valid until {@code validUntil}.
   */
  public Decision canResubmit(
      long actorOrganizationId,
      long targetId,
      OrganizationKind targetKind,
      LocalDate validUntil,
      MemberStatus memberStatus,
      LocalDate today) {
    return firstRefusal(
        () ->
            kind == TransferKind.WITHIN_CITY
                ? Decision.ALLOWED
                : Decision.refused(
                    "resubmit-within-city-only", "transfer.rule.resubmit-within-city-only"),
        () -> inState(TransferState.RETURNED),
        () ->
            bySource(
                actorOrganizationId,
                "only-source-resubmits",
                "transfer.rule.only-source-resubmits"),
        () -> notBeforeLastStep(today),
        () -> TransferRules.memberInNormalStatus(memberStatus),
        () -> TransferRules.sourceAndTargetDiffer(sourceActorId, targetId),
        () -> TransferRules.targetHoldsMembers(targetKind),
        () -> TransferRules.letterValidityInRange(today, validUntil));
  }

  public void resubmit(
      long actorOrganizationId,
      long targetId,
      OrganizationKind targetKind,
      LocalDate validUntil,
      MemberStatus memberStatus,
      LocalDate today) {
    canResubmit(actorOrganizationId, targetId, targetKind, validUntil, memberStatus, today)
        .orThrow();
    target = new CityOrganization(targetId);
    letter = Letter.electronic(today, validUntil);
    attempt++;
    moveTo(TransferState.SUBMITTED, actorOrganizationId, today, null);
  }

  // ---- cancel

  /**
   * The source withdraws an open transfer: submitted, returned, or with its letter issued (the
   * letter is then void, e.g. when the organization outside refused it).
   */
  public Decision canCancel(long actorOrganizationId, LocalDate today) {
    return firstRefusal(
        () -> inState(TransferState.SUBMITTED, TransferState.RETURNED, TransferState.LETTER_ISSUED),
        () ->
            bySource(
                actorOrganizationId, "only-source-cancels", "transfer.rule.only-source-cancels"),
        () -> notBeforeLastStep(today));
  }

  /**
   * Cancels the transfer.
   *
   * @param reason why, if given; a blank reason is none
   */
  public void cancel(long actorOrganizationId, @Nullable String reason, LocalDate today) {
    canCancel(actorOrganizationId, today).orThrow();
    moveTo(
        TransferState.CANCELLED,
        actorOrganizationId,
        today,
        reason == null || reason.isBlank() ? null : reason.strip());
  }

  // ---- out of the city: letter and receipt

  /** The source issues the paper letter of a transfer out of the city, today, with its number. */
  public Decision canIssueLetter(
      long actorOrganizationId,
      @Nullable String letterNumber,
      LocalDate validUntil,
      LocalDate today) {
    return firstRefusal(
        this::outOfCityOnly,
        () -> inState(TransferState.SUBMITTED),
        () ->
            bySource(
                actorOrganizationId,
                "only-source-issues-letter",
                "transfer.rule.only-source-issues-letter"),
        () -> notBeforeLastStep(today),
        () -> TransferRules.letterNumberGiven(letterNumber),
        () -> TransferRules.letterValidityInRange(today, validUntil));
  }

  public void issueLetter(
      long actorOrganizationId, String letterNumber, LocalDate validUntil, LocalDate today) {
    canIssueLetter(actorOrganizationId, letterNumber, validUntil, today).orThrow();
    letter = new Letter(letterNumber, today, validUntil);
    moveTo(TransferState.LETTER_ISSUED, actorOrganizationId, today, null);
  }

  /**
   * The source records the receipt (回执) sent back by the organization outside, which closes the
   * transfer. A receipt that arrives after the letter's last valid day is still recorded: it
   * reports that the member was received, and the post may be slower than the member.
   */
  public Decision canRecordReceipt(long actorOrganizationId, LocalDate today) {
    return firstRefusal(
        this::outOfCityOnly,
        () -> inState(TransferState.LETTER_ISSUED),
        () ->
            bySource(
                actorOrganizationId,
                "only-source-records-receipt",
                "transfer.rule.only-source-records-receipt"),
        () -> notBeforeLastStep(today));
  }

  public void recordReceipt(long actorOrganizationId, LocalDate today) {
    canRecordReceipt(actorOrganizationId, today).orThrow();
    moveTo(TransferState.RECEIPT_RETURNED, actorOrganizationId, today, null);
  }

  // ---- views

  public TransferId id() {
    return id;
  }

  public TransferKind kind() {
    return kind;
  }

  public long memberId() {
    return memberId;
  }

  public OrganizationRef source() {
    return source;
  }

  public OrganizationRef target() {
    return target;
  }

  /**
   * The organization of the city that acts for the source: the source itself, or the registrar of a
   * transfer into the city.
   */
  public long sourceActorId() {
    return sourceActorId;
  }

  /** The current letter; none for a transfer out of the city before its letter is issued. */
  public Optional<Letter> letter() {
    return Optional.ofNullable(letter);
  }

  /** The last day of the current letter's validity, if there is a letter yet. */
  public Optional<LocalDate> deadline() {
    return letter().map(Letter::validUntil);
  }

  public TransferState state() {
    return state;
  }

  public boolean isOpen() {
    return !state.isClosed();
  }

  /** How many times the transfer was submitted: 1, plus one for each resubmission. */
  public int attempt() {
    return attempt;
  }

  /** Whether the next step is the target's: a decision in the city, or a receipt from outside. */
  public boolean awaitsTarget() {
    return switch (state) {
      case SUBMITTED -> kind != TransferKind.OUT_OF_CITY;
      case LETTER_ISSUED -> true;
      case ACCEPTED, RETURNED, CANCELLED, RECEIPT_RETURNED -> false;
    };
  }

  /** Every step so far, the submission first. */
  public List<TransferEvent> history() {
    return List.copyOf(history);
  }

  public LocalDate submittedOn() {
    return history.getFirst().date();
  }

  @Override
  public String toString() {
    return "Transfer[" + id.value() + ", " + kind + ", member " + memberId + ", " + state + "]";
  }

  // ---- rules of the steps

  private Decision closesInTheCity() {
    return kind == TransferKind.OUT_OF_CITY
        ? Decision.refused(
            "out-of-city-closes-by-receipt", "transfer.rule.out-of-city-closes-by-receipt")
        : Decision.ALLOWED;
  }

  private Decision outOfCityOnly() {
    return kind == TransferKind.OUT_OF_CITY
        ? Decision.ALLOWED
        : Decision.refused(
            "letter-and-receipt-only-out-of-city",
            "transfer.rule.letter-and-receipt-only-out-of-city");
  }

  private Decision inState(TransferState... allowed) {
    return Set.of(allowed).contains(state)
        ? Decision.ALLOWED
        : Decision.refused("step-allowed-in-state", "transfer.rule.in-state." + state.name());
  }

  private Decision byTarget(long actorOrganizationId, String rule, String messageKey) {
    return target.is(actorOrganizationId) ? Decision.ALLOWED : Decision.refused(rule, messageKey);
  }

  private Decision bySource(long actorOrganizationId, String rule, String messageKey) {
    return sourceActorId == actorOrganizationId
        ? Decision.ALLOWED
        : Decision.refused(rule, messageKey);
  }

  private Decision notBeforeLastStep(LocalDate today) {
    LocalDate last = history.getLast().date();
    return today.isBefore(last)
        ? Decision.refused("steps-in-date-order", "transfer.rule.date-before-last-step", last)
        : Decision.ALLOWED;
  }

  private Letter requiredLetter() {
    // Only a transfer out of the city is ever without a letter, and it is never accepted.
    return Objects.requireNonNull(letter, "letter");
  }

  private void moveTo(
      TransferState next, long actorOrganizationId, LocalDate today, @Nullable String reason) {
    TransferState previous = state;
    state = next;
    record(today, actorOrganizationId, previous, next, reason);
  }

  private void record(
      LocalDate today,
      long actorOrganizationId,
      @Nullable TransferState from,
      TransferState to,
      @Nullable String reason) {
    history.add(
        new TransferEvent(
            id, memberId, today, actorOrganizationId, from, to, source, target, reason));
  }
}
