package org.zugong.talent;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.DataScope;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;
import org.zugong.talent.rules.Benefit;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.Schedule;

/**
 * 码上秒享: each talent's QR code opens, on a phone, the talent's tier, the benefits received and
 * available with their amounts and reasons, and what is missing; one tap confirms the wish to
 * receive them and the account (意愿确认). The token in the code is random (128 bits) and only names
 * the talent: the page opens for someone signed in who sees the talent (the talent themself, or an
 * officer above), never for the token alone. Every opening by the talent is recorded as a use.
 */
@Service
@Transactional
public class InstantService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Talents talents;
  private final Benefits benefits;
  private final Policies policies;
  private final java.util.concurrent.ConcurrentHashMap<String, CompiledRules> compiled =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InstantService(
      JdbcClient jdbc,
      Talents talents,
      Benefits benefits,
      Policies policies,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.talents = talents;
    this.benefits = benefits;
    this.policies = policies;
    this.events = events;
    this.clock = clock;
  }

  /** What the page shows. */
  public record View(
      String token,
      TalentView talent,
      LocalDate date,
      List<BenefitDecision> granted,
      List<BenefitDecision> missing,
      List<BenefitRuns.Grant> received,
      long receivedAmount,
      @Nullable OffsetDateTime confirmedAt) {}

  /** A new random token: 16 bytes, URL-safe. */
  public static String newToken() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The talent's token, made on first use. */
  public String tokenOf(long talentId) {
    TalentView t = talents.find(talentId).orElseThrow(() -> new TalentNotFoundException(talentId));
    Optional<String> existing =
        jdbc.sql("select token from talent_qr where talent_id = ?")
            .param(talentId)
            .query(String.class)
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    String token = newToken();
    jdbc.sql(
            "insert into talent_qr (talent_id, token, created_at, scope_path) values (?, ?, ?, ?)"
                + " on conflict (talent_id) do nothing")
        .params(talentId, token, OffsetDateTime.now(clock), t.scopePath().value())
        .update();
    return jdbc.sql("select token from talent_qr where talent_id = ?")
        .param(talentId)
        .query(String.class)
        .single();
  }

  /** The talent id the caller may open with this token. */
  @Transactional(readOnly = true)
  public long talentOf(String token) {
    return jdbc.sql("select talent_id from talent_qr where token = ?")
        .param(token)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new TalentNotFoundException(-1));
  }

  /**
   * What changes the rules the caller sees: the published versions (their number, the latest id,
   * end and publication). Read with the talent, it tells whether the compiled rules kept for the
   * day still hold without a round trip of its own.
   */
  private static final String POLICY_STAMP =
      "select count(*) || ':' || coalesce(max(id), 0) || ':' ||"
          + " coalesce(max(effective_to)::text, '') || ':' ||"
          + " coalesce(max(published_at)::text, '') from talent_policy_version"
          + " where status = 'PUBLISHED'";

  /**
   * The whole page in one statement, for it is what every scan of a code costs: the talent a token
   * names (under row-level security: only a reader who sees the talent finds them), their latest
   * confirmation, the stamp of the rules, their grants (one row each, the talent repeated; one row
   * without a grant where none), and, where the reader is the talent, the use recorded. A use is a
   * count, not a payment: its commit need not wait for the disk (ADR 0014; a crash of the database
   * server may lose the uses of its last moments, never corrupt them), so the statement sets {@code
   * synchronous_commit} locally ({@code set_config(…, true)} is {@code set local}). A
   * data-modifying {@code with} runs to completion whether or not the query reads it.
   */
  private static final String OPEN =
      "with found as (select "
          + Talents.COLUMNS
          + ", (select max(i.confirmed_at) from benefit_intent i where i.talent_id = t.id)"
          + " as confirmed_at, ("
          + POLICY_STAMP
          + ") as policy_stamp"
          + " from talent_qr q join talent t on t.id = q.talent_id where q.token = :token),"
          + " use as (insert into instant_service_use (talent_id, used_at, scope_path)"
          + " select id, :now, scope_path from found where cast(:talent as boolean) returning 1),"
          + " async as (select set_config('synchronous_commit', 'off', true) as setting)"
          + " select found.*, async.setting, g.id as g_id, g.idempotency_key as g_key,"
          + " g.run_id as g_run, g.policy_code as g_policy, g.policy_version as g_version, g.clause_id as g_clause,"
          + " g.benefit as g_benefit, g.instalment as g_instalment, g.period_start as g_from,"
          + " g.period_end as g_to, g.amount as g_amount, g.status as g_status,"
          + " array_to_string(g.risks, ',') as g_risks"
          + " from found cross join async left join benefit_grant g on g.talent_id = found.id"
          + " order by g.period_start desc, g.id";

  /**
   * The page for a token; an opening by the talent is recorded as a use of the service. One
   * statement, which commits on its own where no transaction surrounds it: with the connection's
   * scope, two round trips to the database.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public View open(String token) {
    List<TalentView> talent = new ArrayList<>(1);
    List<@Nullable OffsetDateTime> confirmed = new ArrayList<>(1);
    List<String> stamp = new ArrayList<>(1);
    List<BenefitRuns.Grant> received = new ArrayList<>();
    jdbc.sql(OPEN)
        .param("token", token)
        .param("now", OffsetDateTime.now(clock))
        .param("talent", holds(Role.TALENT))
        .query(
            rs -> {
              if (talent.isEmpty()) {
                talent.add(Talents.view(rs, 0));
                confirmed.add(rs.getObject("confirmed_at", OffsetDateTime.class));
                stamp.add(rs.getString("policy_stamp"));
              }
              if (rs.getObject("g_id") != null) {
                String risks = rs.getString("g_risks");
                received.add(
                    new BenefitRuns.Grant(
                        rs.getLong("g_id"),
                        rs.getString("g_key"),
                        rs.getLong("g_run"),
                        talent.getFirst().id(),
                        talent.getFirst().name(),
                        rs.getString("g_policy"),
                        rs.getInt("g_version"),
                        rs.getString("g_clause"),
                        rs.getString("g_benefit"),
                        rs.getInt("g_instalment"),
                        rs.getObject("g_from", LocalDate.class),
                        rs.getObject("g_to", LocalDate.class),
                        rs.getLong("g_amount"),
                        rs.getString("g_status"),
                        risks == null || risks.isEmpty() ? List.of() : List.of(risks.split(","))));
              }
            });
    if (talent.isEmpty()) {
      throw new TalentNotFoundException(-1);
    }
    TalentView t = talent.getFirst();
    LocalDate today = LocalDate.now(clock);
    // The schedules the talent began are the grants just read: no second query for them.
    List<Schedule> begun =
        received.stream()
            .map(
                g ->
                    new Schedule(
                        g.policyCode(),
                        g.policyVersion(),
                        g.clauseId(),
                        Benefit.valueOf(g.benefit())))
            .distinct()
            .toList();
    List<BenefitDecision> decisions =
        rules(today, stamp.getFirst()).explain(Talents.facts(t), 0, begun);
    List<BenefitDecision> granted =
        decisions.stream().filter(d -> d.outcome() == BenefitDecision.Outcome.GRANTED).toList();
    List<BenefitDecision> missing =
        decisions.stream()
            .filter(d -> d.outcome() == BenefitDecision.Outcome.NOT_ELIGIBLE)
            .filter(d -> !d.carried())
            .filter(d -> d.reason() != null && d.reason().field() != null)
            .toList();
    long amount =
        received.stream()
            .filter(g -> g.status().equals("PAID"))
            .mapToLong(BenefitRuns.Grant::amount)
            .sum();
    return new View(
        token, t, today, granted, missing, List.copyOf(received), amount, confirmed.getFirst());
  }

  /**
   * Records the talent's confirmation (意愿确认): the wish to receive the benefits granted today and
   * the account on record. Refused without an account.
   */
  public void confirm(String token) {
    long id = talentOf(token);
    TalentView t = talents.find(id).orElseThrow(() -> new TalentNotFoundException(id));
    if (!holds(Role.TALENT)) {
      throw new InvalidValueException("benefit.invalid.only-talent");
    }
    if (t.bankAccountMasked() == null) {
      throw new InvalidValueException("benefit.invalid.no-account");
    }
    String granted =
        benefits.explain(id, LocalDate.now(clock)).stream()
            .filter(d -> d.outcome() == BenefitDecision.Outcome.GRANTED)
            .map(BenefitDecision::clauseReference)
            .collect(Collectors.joining(","));
    OffsetDateTime now = OffsetDateTime.now(clock);
    long intent =
        jdbc.sql(
                """
                insert into benefit_intent (talent_id, confirmed_at, bank_account_masked, benefits, scope_path)
                values (?, ?, ?, ?, ?) returning id
                """)
            .params(id, now, t.bankAccountMasked(), granted, t.scopePath().value())
            .query(Long.class)
            .single();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("talent", new RecordChanged.Change(null, Long.toString(id)));
    changes.put("account", new RecordChanged.Change(null, t.bankAccountMasked()));
    changes.put("benefits", new RecordChanged.Change(null, granted));
    events.publishEvent(
        new RecordChanged(
            "benefit_intent", Long.toString(intent), "confirm", t.scopePath().value(), changes));
  }

  /**
   * The rules in force today as the caller sees them, compiled once per day, scope and state of the
   * published policies (a publication changes the stamp, read with the talent): the page answers
   * without reading and compiling every policy on each opening.
   */
  private CompiledRules rules(LocalDate date, String stamp) {
    ScopePath scope = DataScope.current();
    String key = date + "|" + (scope == null ? "" : scope.value()) + "|" + stamp;
    CompiledRules cached = compiled.get(key);
    if (cached == null) {
      if (compiled.size() > 256) {
        compiled.clear();
      }
      cached = policies.compiled(date);
      compiled.put(key, cached);
    }
    return cached;
  }

  /** The QR code of a URL as a PNG image. */
  public static byte[] qrPng(String url, int size) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  url,
                  BarcodeFormat.QR_CODE,
                  size,
                  size,
                  Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(m, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holds(Role role) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getPrincipal() instanceof ZugongPrincipal p
        && p.roles().contains(role);
  }
}
