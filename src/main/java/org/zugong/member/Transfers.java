package org.zugong.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.TransferStore.Row;
import org.zugong.member.TransferStore.Stored;
import org.zugong.member.transfer.Letter;
import org.zugong.member.transfer.OrganizationKind;
import org.zugong.member.transfer.Transfer;
import org.zugong.member.transfer.TransferEvent;
import org.zugong.member.transfer.TransferHistory;
import org.zugong.member.transfer.TransferId;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferRequest;
import org.zugong.member.transfer.TransferWorkList;
import org.zugong.member.transfer.TransferWorkList.Category;
import org.zugong.member.transfer.TransferWorkList.Direction;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonFacts;
import org.zugong.platform.DataScope;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;
import org.zugong.shared.ScopePath;

/**
 * Transfers of members' organizational relationships (组织关系转接): the source submits a transfer within
 * the city and the target accepts it or returns it with a reason; a transfer out of the city is
 * closed by the receipt of its paper letter; one into the city is registered from the letter that
 * came with the member. Accepting moves the member in the same transaction. The rules are the
 * {@link Transfer} aggregate's; this service stores it, decides which end the caller acts for, and
 * publishes every change for the audit.
 *
 * <p>A transfer joins two parts of the tree that usually see nothing of each other. Both ends see
 * the transfer itself (its row keeps both paths, see {@code V5_0__member_transfer.sql}); naming a
 * target by its code reads the organization directory of the whole city; and accepting runs in the
 * smallest scope that holds both ends, after the caller was found to act for the target. See ADR
 * 0008.
 */
@Service
@Transactional
public class Transfers {

  static final String EDITORS =
      "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')";

  /** The actor of a caller who acts for neither end: no organization has this id. */
  static final long NOBODY = 0L;

  /** How long a new electronic letter is valid unless the user chooses otherwise. */
  public static final int DEFAULT_VALIDITY_MONTHS = 1;

  private final TransferStore store;
  private final Members members;
  private final OrganizationOffices offices;
  private final Organizations organizations;
  private final PersonalDataCipher cipher;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate write;
  private final TransactionTemplate read;

  Transfers(
      TransferStore store,
      Members members,
      OrganizationOffices offices,
      Organizations organizations,
      PersonalDataCipher cipher,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.members = members;
    this.offices = offices;
    this.organizations = organizations;
    this.cipher = cipher;
    this.events = events;
    this.clock = clock;
    this.write = new TransactionTemplate(transactions);
    this.read = new TransactionTemplate(transactions);
    this.read.setReadOnly(true);
  }

  // ---- reading -----------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Optional<TransferView> find(long id) {
    return store.find(id).map(s -> view(s, today()));
  }

  /** Every step of one transfer, the submission first. */
  @Transactional(readOnly = true)
  public List<TransferStep> steps(long id) {
    Stored s = store.find(id).orElseThrow(() -> new TransferNotFoundException(id));
    return s.events().stream().map(e -> step(s, e)).toList();
  }

  /** A member's transfers, the latest first. */
  @Transactional(readOnly = true)
  public List<TransferView> ofMember(long memberId) {
    LocalDate today = today();
    return store.ofMember(memberId).stream()
        .sorted(Comparator.comparingLong((Stored s) -> s.row().id()).reversed())
        .map(s -> view(s, today))
        .toList();
  }

  /** Every step of every transfer of a member, in the order they happened. */
  @Transactional(readOnly = true)
  public List<TransferStep> historyOf(long memberId) {
    List<Stored> stored = store.ofMember(memberId);
    Map<TransferEvent, TransferStore.EventRow> rows = new IdentityHashMap<>();
    Map<TransferEvent, Stored> owners = new IdentityHashMap<>();
    for (Stored s : stored) {
      s.stepsByEvent()
          .forEach(
              (e, r) -> {
                rows.put(e, r);
                owners.put(e, s);
              });
    }
    return TransferHistory.ofMember(memberId, stored.stream().map(Stored::transfer).toList())
        .stream()
        .map(e -> step(owners.get(e), rows.get(e)))
        .toList();
  }

  /** One tab of an organization's work list, with the count of every tab in that direction. */
  public record WorkList(
      @Nullable OrganizationView organization,
      Direction direction,
      Category category,
      Map<Category, Integer> counts,
      List<TransferView> rows) {}

  /**
   * The work list of a part of the tree: the open transfers it receives (incoming: the target lies
   * in it) or sends (outgoing: the source, or the registrar of a letter from outside, lies in it),
   * in the categories of {@link TransferWorkList}, the most urgent first.
   *
   * @param organizationId the organization whose part of the tree; none for the caller's scope
   */
  @Transactional(readOnly = true)
  public WorkList workList(@Nullable Long organizationId, Direction direction, Category category) {
    OrganizationView org =
        organizationId == null ? null : organizations.find(organizationId).orElse(null);
    ScopePath scope = DataScope.current();
    String under =
        org != null
            ? org.path().value()
            : organizationId == null && scope != null ? scope.value() : "~";
    LocalDate today = today();
    List<Stored> open = store.openUnder(under, direction == Direction.INCOMING);
    Map<Transfer, Stored> byTransfer = new IdentityHashMap<>();
    open.forEach(s -> byTransfer.put(s.transfer(), s));
    Map<Category, List<Transfer>> lists =
        TransferWorkList.classify(open.stream().map(Stored::transfer).toList(), today);
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    lists.forEach((c, l) -> counts.put(c, l.size()));
    List<TransferView> rows =
        lists.get(category).stream().map(t -> view(byTransfer.get(t), today)).toList();
    return new WorkList(org, direction, category, counts, rows);
  }

  /** Open transfers received within the caller's scope that await the receiving organization. */
  @Transactional(readOnly = true)
  public int pendingIncoming() {
    ScopePath scope = DataScope.current();
    return scope == null ? 0 : store.pendingUnder(scope.value());
  }

  // ---- starting ----------------------------------------------------------------------------

  /**
   * The source submits a transfer of one of its members to an organization of the city, named by
   * its code, with an electronic letter valid until {@code validUntil}.
   */
  @PreAuthorize(EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public long submitWithinCity(long memberId, String targetCode, LocalDate validUntil) {
    Directory target = directory(targetCode);
    return inTransaction(
        () -> {
          MemberView m =
              members.find(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
          target.requireActive();
          LocalDate today = today();
          Transfer t =
              Transfer.submit(
                  new TransferId(store.nextId()),
                  new TransferRequest.WithinCity(
                      memberId, m.organizationId(), target.id(), target.kind(), validUntil),
                  status(m),
                  memberTransfers(memberId),
                  today);
          created(
              submittedBySource(t, m, target.id(), target.name(), target.path(), today), t, null);
          return t.id().value();
        });
  }

  /** The source submits a transfer of one of its members to an organization outside the city. */
  @PreAuthorize(EDITORS)
  public long submitOutOfCity(long memberId, String targetName) {
    MemberView m = members.find(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    LocalDate today = today();
    Transfer t =
        Transfer.submit(
            new TransferId(store.nextId()),
            new TransferRequest.OutOfCity(memberId, m.organizationId(), targetName),
            status(m),
            memberTransfers(memberId),
            today);
    created(submittedBySource(t, m, null, targetName.strip(), null, today), t, null);
    return t.id().value();
  }

  /**
   * Registers a transfer into the city from the letter a member brought from outside: the receiving
   * organization, named by its code, lies in the caller's scope, and the organization above it (or
   * the target itself, at the top of the caller's tree) registers the letter and acts as source.
   */
  @PreAuthorize(EDITORS)
  public long registerIntoCity(
      ArrivingMember arriving,
      String sourceName,
      String targetCode,
      String letterNumber,
      LocalDate letterIssuedOn,
      LocalDate letterValidUntil) {
    OrganizationView target =
        organizations
            .findByCode(targetCode.strip())
            .orElseThrow(() -> new InvalidValueException("transfer.invalid.target", targetCode));
    if (!target.active()) {
      throw new InvalidValueException("transfer.rule.target-inactive", target.name());
    }
    OrganizationView registrar =
        target.parentId() == null
            ? target
            : organizations.find(target.parentId()).filter(OrganizationView::active).orElse(target);
    LocalDate today = today();
    PersonFacts facts = facts(arriving);
    checkAdmission(arriving, today);
    String index = cipher.blindIndex(arriving.idNumber().value());
    if (store.memberWithIdNumber(index)) {
      throw new InvalidValueException("member.invalid.duplicate", arriving.idNumber().masked());
    }
    if (store.arrivalOpen(index)) {
      throw new InvalidValueException("transfer.rule.open-transfer-exists");
    }
    Transfer t =
        Transfer.submit(
            new TransferId(store.nextId()),
            new TransferRequest.IntoCity(
                TransferStore.NOT_YET_A_MEMBER,
                sourceName,
                target.id(),
                kind(target),
                registrar.id(),
                letterNumber,
                letterIssuedOn,
                letterValidUntil),
            org.zugong.member.transfer.MemberStatus.NORMAL,
            List.of(),
            today);
    Letter letter = t.letter().orElseThrow();
    Row row =
        new Row(
            t.id().value(),
            TransferKind.INTO_CITY,
            t.state(),
            t.attempt(),
            null,
            facts.name(),
            null,
            sourceName.strip(),
            registrar.id(),
            registrar.name(),
            registrar.path(),
            target.id(),
            target.name(),
            target.path(),
            target.path(),
            letter.number(),
            letter.issuedOn(),
            letter.validUntil(),
            today,
            today);
    created(
        row,
        t,
        new TransferStore.Arriving(
            cipher.encrypt(arriving.idNumber().value()),
            index,
            arriving.idNumber().masked(),
            arriving.ethnicity().code(),
            arriving.education().name(),
            arriving.category().name(),
            arriving.stage().name(),
            arriving.joinedOn(),
            arriving.fullOn()));
    return t.id().value();
  }

  // ---- the target's steps ------------------------------------------------------------------

  /**
   * The target accepts the member: the member's relationship, card and history move to the target
   * in the same transaction (an arriving member is entered into the target's register). Runs in the
   * smallest scope holding both ends, once the transfer was found in the caller's own scope; only a
   * caller whose scope holds the target acts for it.
   */
  @PreAuthorize(EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void accept(long id) {
    ScopePath caller = callerScope();
    Row seen =
        read.execute(s -> store.find(id).map(Stored::row))
            .orElseThrow(() -> new TransferNotFoundException(id));
    ScopePath both = commonAncestor(seen.sourcePath(), seen.targetPath(), seen.scopePath());
    DataScope.within(
        both,
        () ->
            write.execute(
                tx -> {
                  acceptAs(caller, id);
                  return id;
                }));
  }

  private void acceptAs(ScopePath caller, long id) {
    Stored s = store.lock(id).orElseThrow(() -> new TransferNotFoundException(id));
    Row r = s.row();
    Transfer t = s.transfer();
    LocalDate today = today();
    long actor = actsForTarget(caller, r);
    t.canAccept(actor, today).orThrow();
    OrganizationView target =
        organizations
            .find(Objects.requireNonNull(r.targetId()))
            .filter(OrganizationView::active)
            .orElseThrow(
                () -> new InvalidValueException("transfer.rule.target-inactive", r.targetName()));
    t.accept(actor, today);
    long memberId;
    if (r.kind() == TransferKind.INTO_CITY) {
      memberId = admit(r, target);
    } else {
      memberId = Objects.requireNonNull(r.memberId());
      members.moveTo(memberId, target.id(), today, r.sourceName());
    }
    Row after = afterStep(r, t, memberId, target.path());
    saveStep(s, after);
    store.followMember(r.id(), memberId, target.path());
    publish(
        after,
        "accept",
        Map.of(
            "state", new Change(r.state().name(), t.state().name()),
            "organization",
                new Change(
                    r.sourceId() == null ? r.sourceName() : Long.toString(r.sourceId()),
                    Long.toString(target.id()))),
        target.path());
  }

  private long admit(Row r, OrganizationView target) {
    TransferStore.Arriving a =
        store.arriving(r.id()).orElseThrow(() -> new TransferNotFoundException(r.id()));
    ArrivingMember arriving =
        new ArrivingMember(
            r.memberName(),
            new org.zugong.shared.IdCardNumber(cipher.decrypt(a.idNumberCipher())),
            org.zugong.person.Ethnicity.ofCode(a.ethnicity())
                .orElse(org.zugong.person.Ethnicity.OTHER),
            org.zugong.person.Education.valueOf(a.education()),
            org.zugong.person.OccupationCategory.valueOf(a.category()),
            MemberStage.valueOf(a.stage()),
            a.joinedOn(),
            a.fullOn());
    return members.admit(
        new Admission(
            facts(arriving),
            target.id(),
            arriving.stage(),
            arriving.joinedOn(),
            arriving.fullOn()));
  }

  /** The target sends the transfer back to its source with the reason. */
  @PreAuthorize(EDITORS)
  public void returnToSource(long id, String reason) {
    step(
        id,
        "return",
        true,
        (s, actor, today) -> {
          s.transfer().returnToSource(actor, reason, today);
          return Map.of("reason", new Change(null, reason.strip()));
        });
  }

  // ---- the source's steps ------------------------------------------------------------------

  /**
   * The source resubmits a returned transfer within the city, to the same or another organization
   * named by its code, with a new electronic letter.
   */
  @PreAuthorize(EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void resubmit(long id, String targetCode, LocalDate validUntil) {
    Directory target = directory(targetCode);
    inTransaction(
        () -> {
          Stored s = store.lock(id).orElseThrow(() -> new TransferNotFoundException(id));
          Row r = s.row();
          Transfer t = s.transfer();
          LocalDate today = today();
          Long memberId = r.memberId();
          // Only a transfer within the city, which always has its member, is resubmitted; the
          // aggregate refuses the others.
          org.zugong.member.transfer.MemberStatus status =
              memberId == null
                  ? org.zugong.member.transfer.MemberStatus.NORMAL
                  : members
                      .find(memberId)
                      .map(Transfers::status)
                      .orElseThrow(() -> new MemberNotFoundException(memberId));
          target.requireActive();
          t.resubmit(
              actsForSource(callerScope(), r),
              target.id(),
              target.kind(),
              validUntil,
              status,
              today);
          Row after =
              afterStep(
                  r, t, r.memberId(), r.scopePath(), target.id(), target.name(), target.path());
          saveStep(s, after);
          publish(
              after,
              "resubmit",
              Map.of(
                  "state", new Change(r.state().name(), t.state().name()),
                  "target", new Change(String.valueOf(r.targetId()), Long.toString(target.id())),
                  "validUntil",
                      new Change(String.valueOf(r.letterValidUntil()), validUntil.toString())),
              r.sourcePath());
          return id;
        });
  }

  /** The source withdraws an open transfer, saying why if it wishes. */
  @PreAuthorize(EDITORS)
  public void cancel(long id, @Nullable String reason) {
    step(
        id,
        "cancel",
        false,
        (s, actor, today) -> {
          s.transfer().cancel(actor, reason, today);
          return reason == null || reason.isBlank()
              ? Map.of()
              : Map.of("reason", new Change(null, reason.strip()));
        });
  }

  /** The source issues the paper letter of a transfer out of the city. */
  @PreAuthorize(EDITORS)
  public void issueLetter(long id, String letterNumber, LocalDate validUntil) {
    step(
        id,
        "issue-letter",
        false,
        (s, actor, today) -> {
          s.transfer().issueLetter(actor, letterNumber, validUntil, today);
          return Map.of(
              "letterNumber", new Change(null, letterNumber.strip()),
              "validUntil", new Change(null, validUntil.toString()));
        });
  }

  /**
   * The source records the receipt that came back from outside the city, which closes it: the
   * member's relationship has left the city, and their committee posts end that day.
   */
  @PreAuthorize(EDITORS)
  public void recordReceipt(long id) {
    step(
        id,
        "record-receipt",
        false,
        (s, actor, today) -> {
          s.transfer().recordReceipt(actor, today);
          offices.endTermsOf(
              Objects.requireNonNull(s.row().memberId()),
              OrganizationOffices.Departure.LEFT_CITY,
              today);
          return Map.of();
        });
  }

  // ---- internals ---------------------------------------------------------------------------

  /** One step within the caller's scope: it changes the aggregate and says what else changed. */
  private interface StepWork {
    Map<String, Change> apply(Stored stored, long actor, LocalDate today);
  }

  /**
   * One step of the target's ({@code byTarget}) or of the source's, as the organization the caller
   * acts for in it.
   */
  private void step(long id, String action, boolean byTarget, StepWork work) {
    Stored s = store.lock(id).orElseThrow(() -> new TransferNotFoundException(id));
    Row r = s.row();
    Transfer t = s.transfer();
    ScopePath caller = callerScope();
    long actor = byTarget ? actsForTarget(caller, r) : actsForSource(caller, r);
    Map<String, Change> changes = new LinkedHashMap<>(work.apply(s, actor, today()));
    changes.put("state", new Change(r.state().name(), t.state().name()));
    Row after = afterStep(r, t, r.memberId(), r.scopePath());
    saveStep(s, after);
    publish(after, action, changes, pathOf(after, actor));
  }

  /** The path of the end an organization acts for: the audit records the step there. */
  private static ScopePath pathOf(Row r, long actor) {
    return r.targetId() != null && r.targetId() == actor && r.targetPath() != null
        ? r.targetPath()
        : r.sourcePath();
  }

  /**
   * The row of a transfer a source organization submits for one of its own members: the member's
   * organization is source and actor, and the member stays in its part of the tree until accepted.
   */
  private static Row submittedBySource(
      Transfer t,
      MemberView m,
      @Nullable Long targetId,
      String targetName,
      @Nullable ScopePath targetPath,
      LocalDate today) {
    Letter letter = t.letter().orElse(null);
    return new Row(
        t.id().value(),
        t.kind(),
        t.state(),
        t.attempt(),
        m.id(),
        m.name(),
        m.organizationId(),
        m.organizationName(),
        m.organizationId(),
        m.organizationName(),
        m.scopePath(),
        targetId,
        targetName,
        targetPath,
        m.scopePath(),
        letter == null ? null : letter.number(),
        letter == null ? null : letter.issuedOn(),
        letter == null ? null : letter.validUntil(),
        today,
        today);
  }

  /** The row after a step that keeps the target. */
  private static Row afterStep(Row r, Transfer t, @Nullable Long memberId, ScopePath memberPath) {
    return afterStep(r, t, memberId, memberPath, r.targetId(), r.targetName(), r.targetPath());
  }

  /** The row after a step: the aggregate's state, attempt, letter and last step, and its target. */
  private static Row afterStep(
      Row r,
      Transfer t,
      @Nullable Long memberId,
      ScopePath memberPath,
      @Nullable Long targetId,
      String targetName,
      @Nullable ScopePath targetPath) {
    Letter letter = t.letter().orElse(null);
    return new Row(
        r.id(),
        r.kind(),
        t.state(),
        t.attempt(),
        memberId,
        r.memberName(),
        r.sourceId(),
        r.sourceName(),
        r.sourceActorId(),
        r.sourceActorName(),
        r.sourcePath(),
        targetId,
        targetName,
        targetPath,
        memberPath,
        letter == null ? null : letter.number(),
        letter == null ? null : letter.issuedOn(),
        letter == null ? null : letter.validUntil(),
        r.submittedOn(),
        t.history().getLast().date());
  }

  /** Stores a step's row and the aggregate's steps added since it was read. */
  private void saveStep(Stored before, Row after) {
    store.update(after, now());
    store.appendSteps(
        after,
        before.transfer(),
        before.events().size(),
        TransferStore.names(after),
        actor(),
        now());
  }

  private void created(Row row, Transfer t, TransferStore.@Nullable Arriving arriving) {
    store.insert(row, arriving, now());
    store.appendSteps(row, t, 0, TransferStore.names(row), actor(), now());
    Map<String, Change> changes = new LinkedHashMap<>();
    changes.put("kind", new Change(null, row.kind().name()));
    changes.put(
        "member",
        new Change(
            null,
            row.memberId() == null
                ? Objects.requireNonNull(arriving).idNumberMasked()
                : Long.toString(row.memberId())));
    changes.put("source", new Change(null, row.sourceName()));
    changes.put("target", new Change(null, row.targetName()));
    changes.put("state", new Change(null, row.state().name()));
    if (row.letterValidUntil() != null) {
      changes.put("validUntil", new Change(null, row.letterValidUntil().toString()));
    }
    publish(row, "submit", changes, row.sourcePath());
  }

  private void publish(Row r, String action, Map<String, Change> changes, ScopePath where) {
    events.publishEvent(
        new RecordChanged(
            "member_transfer", Long.toString(r.id()), action, where.value(), changes));
  }

  /** The organization the caller acts for in a step of the target's: the target if it is theirs. */
  static long actsForTarget(ScopePath caller, Row r) {
    if (r.targetId() != null && r.targetPath() != null && caller.contains(r.targetPath())) {
      return r.targetId();
    }
    return caller.contains(r.sourcePath()) ? r.sourceActorId() : NOBODY;
  }

  /** The organization the caller acts for in a step of the source's: the source if it is theirs. */
  static long actsForSource(ScopePath caller, Row r) {
    if (caller.contains(r.sourcePath())) {
      return r.sourceActorId();
    }
    return r.targetId() != null && r.targetPath() != null && caller.contains(r.targetPath())
        ? r.targetId()
        : NOBODY;
  }

  /** The smallest part of the tree that holds every given path. */
  static ScopePath commonAncestor(ScopePath first, @Nullable ScopePath... others) {
    String[] common = first.value().split("/");
    int length = common.length;
    for (ScopePath other : others) {
      if (other == null) {
        continue;
      }
      String[] codes = other.value().split("/");
      int i = 0;
      while (i < Math.min(length, codes.length) && common[i].equals(codes[i])) {
        i++;
      }
      length = i;
    }
    StringBuilder path = new StringBuilder("/");
    for (int i = 1; i < length; i++) {
      path.append(common[i]).append('/');
    }
    return new ScopePath(path.toString());
  }

  private TransferView view(Stored s, LocalDate today) {
    Row r = s.row();
    Transfer t = s.transfer();
    Set<TransferAction> actions = EnumSet.noneOf(TransferAction.class);
    ScopePath caller = DataScope.current();
    if (caller != null && t.isOpen()) {
      long forTarget = actsForTarget(caller, r);
      long forSource = actsForSource(caller, r);
      LocalDate validUntil = today.plusMonths(DEFAULT_VALIDITY_MONTHS);
      if (allowed(t.canAccept(forTarget, today))) {
        actions.add(TransferAction.ACCEPT);
      }
      if (allowed(t.canReturn(forTarget, "-", today))) {
        actions.add(TransferAction.RETURN);
      }
      if (r.targetId() != null
          && allowed(
              t.canResubmit(
                  forSource,
                  r.targetId(),
                  OrganizationKind.BRANCH,
                  validUntil,
                  org.zugong.member.transfer.MemberStatus.NORMAL,
                  today))) {
        actions.add(TransferAction.RESUBMIT);
      }
      if (allowed(t.canCancel(forSource, today))) {
        actions.add(TransferAction.CANCEL);
      }
      if (allowed(t.canIssueLetter(forSource, "-", validUntil, today))) {
        actions.add(TransferAction.ISSUE_LETTER);
      }
      if (allowed(t.canRecordReceipt(forSource, today))) {
        actions.add(TransferAction.RECORD_RECEIPT);
      }
    }
    return new TransferView(
        r.id(),
        r.kind(),
        t.state(),
        t.attempt(),
        r.memberId(),
        r.memberName(),
        r.sourceId(),
        r.sourceName(),
        r.sourceActorName(),
        r.targetId(),
        r.targetName(),
        r.letterNumber(),
        r.letterIssuedOn(),
        t.deadline().orElse(null),
        r.submittedOn(),
        r.lastStepOn(),
        TransferWorkList.categoriesOf(t, today),
        actions);
  }

  private static boolean allowed(org.zugong.shared.Decision d) {
    return d instanceof org.zugong.shared.Decision.Allowed;
  }

  private static TransferStep step(Stored s, TransferStore.EventRow e) {
    return new TransferStep(
        s.row().id(),
        s.row().kind(),
        e.on(),
        e.from(),
        e.to(),
        e.actorName(),
        e.sourceName(),
        e.targetName(),
        e.reason(),
        e.recordedBy());
  }

  private List<Transfer> memberTransfers(long memberId) {
    return store.ofMember(memberId).stream().map(Stored::transfer).toList();
  }

  /** An organization of the city found by its code, wherever it lies: the directory of targets. */
  record Directory(long id, String name, OrganizationKind kind, ScopePath path, boolean active) {
    void requireActive() {
      if (!active) {
        throw new InvalidValueException("transfer.rule.target-inactive", name);
      }
    }
  }

  /**
   * Finds a target by code in the whole city: the source names an organization it cannot see. Only
   * the organization's name, kind, place and whether it is active are read, as the system, before
   * the caller's own transaction starts.
   */
  private Directory directory(String code) {
    String trimmed = code == null ? "" : code.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidValueException("transfer.invalid.target", "");
    }
    return DataScope.asSystem(
        () ->
            read.execute(
                    s ->
                        organizations
                            .findByCode(trimmed)
                            .map(
                                o ->
                                    new Directory(o.id(), o.name(), kind(o), o.path(), o.active())))
                .orElseThrow(() -> new InvalidValueException("transfer.invalid.target", trimmed)));
  }

  private <T> T inTransaction(Supplier<T> work) {
    return Objects.requireNonNull(write.execute(s -> work.get()));
  }

  private static OrganizationKind kind(OrganizationView o) {
    return OrganizationKind.valueOf(o.kind().name());
  }

  private static org.zugong.member.transfer.MemberStatus status(MemberView m) {
    return org.zugong.member.transfer.MemberStatus.valueOf(m.status().name());
  }

  private static PersonFacts facts(ArrivingMember a) {
    return new PersonFacts(
        a.name(),
        a.idNumber(),
        PersonFacts.genderOf(a.idNumber()),
        a.ethnicity(),
        a.idNumber().birthDate(),
        null,
        a.education(),
        null,
        a.category(),
        null);
  }

  /** What entering the member will require, checked when the letter is registered. */
  private static void checkAdmission(ArrivingMember a, LocalDate today) {
    if (a.joinedOn().isAfter(today)) {
      throw new InvalidValueException("member.rule.no-future-date");
    }
    if (a.stage() == MemberStage.FULL
        && (a.fullOn() == null || a.fullOn().isBefore(a.joinedOn()))) {
      throw new InvalidValueException("member.rule.full-after-joining");
    }
    if (java.time.Period.between(a.idNumber().birthDate(), a.joinedOn()).getYears() < 18) {
      throw new InvalidValueException("member.rule.adult-at-joining");
    }
  }

  private static ScopePath callerScope() {
    ScopePath scope = DataScope.current();
    if (scope == null) {
      throw new org.springframework.security.access.AccessDeniedException("No scope");
    }
    return scope;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }
}
