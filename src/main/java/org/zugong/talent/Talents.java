package org.zugong.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.person.PersonView;
import org.zugong.person.Persons;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.PersonalDataRevealed;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;
import org.zugong.shared.UnifiedSocialCreditCode;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.TalentFacts;

/**
 * The talent register, within the caller's scope: a talent is a person on record with the facts
 * talent policy reads, placed at a leaf of its own ({@code t<id>}) under its town or district, or
 * under its institution's node, so that an institution's officer sees its talents only and a
 * talent's own account sees the talent alone. Bank accounts are encrypted like ID numbers and shown
 * masked; a full one is revealed only through {@link #revealBankAccount}, audited.
 */
@Service
@Transactional
public class Talents {

  static final String COLUMNS =
      "t.id, t.person_id, t.name, t.gender, t.birth_date, t.id_number_masked, t.region_code,"
          + " t.institution_code, t.degree, t.title, t.employer_name, t.employer_credit_code,"
          + " t.employer_code_accepted_by, t.industry, t.arrival_date, t.social_insurance_months,"
          + " t.first_home, t.bank_account_masked, t.tier, t.tier_certified_on, t.tier_basis,"
          + " t.tier_certifier, t.tier_direct_track, t.scope_path";

  private final JdbcClient jdbc;
  private final Persons persons;
  private final Regions regions;
  private final PersonalDataCipher cipher;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Talents(
      JdbcClient jdbc,
      Persons persons,
      Regions regions,
      PersonalDataCipher cipher,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.regions = regions;
    this.cipher = cipher;
    this.events = events;
    this.clock = clock;
  }

  /** A search of talents. */
  public record Query(
      String text,
      @Nullable String regionCode,
      @Nullable Tier tier,
      @Nullable String institution) {}

  public record Page(List<TalentView> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  @Transactional(readOnly = true)
  public Optional<TalentView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from talent t where t.id = ?")
        .param(id)
        .query(Talents::view)
        .optional();
  }

  /** Talents by name (from its start), below a region, by tier or institution, by name. */
  @Transactional(readOnly = true)
  public Page page(Query q, int page, int size) {
    String under =
        q.regionCode() == null
            ? null
            : regions.pathOf(q.regionCode()).map(ScopePath::value).orElse("~");
    String text = q.text().trim();
    String where =
        " from talent t where (cast(:text as text) = '' or starts_with(t.name, cast(:text as text)))"
            + " and (cast(:under as text) is null or starts_with(t.scope_path, cast(:under as text)))"
            + " and (cast(:tier as text) is null or t.tier = cast(:tier as text))"
            + " and (cast(:inst as text) is null or t.institution_code = cast(:inst as text))";
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("text", text);
    params.put("under", under);
    params.put("tier", q.tier() == null ? null : q.tier().name());
    params.put("inst", q.institution());
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    List<TalentView> rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + where
                    + " order by t.name collate \"C\", t.id limit :size offset :offset")
            .params(params)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(Talents::view)
            .list();
    return new Page(rows, page, size, total);
  }

  /** How many talents the caller sees, and how many of them are certified. */
  @Transactional(readOnly = true)
  public long count(boolean certifiedOnly) {
    return jdbc.sql(
            "select count(*) from talent t" + (certifiedOnly ? " where t.tier is not null" : ""))
        .query(Long.class)
        .single();
  }

  /** Registers a person on record as a talent; returns the talent's id. */
  public long register(NewTalent n) {
    PersonView person =
        persons
            .find(n.personId())
            .orElseThrow(() -> new InvalidValueException("talent.invalid.person", n.personId()));
    boolean exists =
        jdbc.sql("select exists (select 1 from talent where person_id = ?)")
            .param(n.personId())
            .query(Boolean.class)
            .single();
    if (exists) {
      throw new InvalidValueException("talent.invalid.duplicate", person.name());
    }
    String employer = n.employerName().trim();
    if (employer.isEmpty() || employer.length() > 100) {
      throw new InvalidValueException("talent.invalid.employer");
    }
    UnifiedSocialCreditCode code = new UnifiedSocialCreditCode(n.employerCreditCode());
    String acceptedBy = null;
    if (!code.checkDigitValid()) {
      if (!n.acceptEmployerCodeWarning()) {
        throw new InvalidValueException("talent.warning.credit-code", code.value());
      }
      acceptedBy = actor();
    }
    if (n.socialInsuranceMonths() < 0 || n.socialInsuranceMonths() > 600) {
      throw new InvalidValueException("talent.invalid.social-insurance", n.socialInsuranceMonths());
    }
    LocalDate today = LocalDate.now(clock);
    if (n.arrivalDate().isAfter(today) || n.arrivalDate().isBefore(person.birthDate())) {
      throw new InvalidValueException("talent.invalid.arrival", n.arrivalDate());
    }
    String bank = n.bankAccount() == null ? null : n.bankAccount().replaceAll("\\s", "");
    if (bank != null && bank.isEmpty()) {
      bank = null;
    }
    if (bank != null && !bank.matches("\\d{12,30}")) {
      throw new InvalidValueException("talent.invalid.bank-account");
    }
    ScopePath base = basePath(n.regionCode(), n.institutionCode());
    long id = jdbc.sql("select nextval('talent_id_seq')").query(Long.class).single();
    ScopePath scope = base.child("t" + id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into talent (id, person_id, name, gender, birth_date, id_number_masked, region_code,
              institution_code, degree, title, employer_name, employer_credit_code, employer_code_accepted_by,
              industry, arrival_date, social_insurance_months, first_home, bank_account_cipher,
              bank_account_masked, scope_path, created_at, updated_at)
            values (:id, :person, :name, :gender, :birth, :masked, :region, :inst, :degree, :title,
              :employer, :code, :accepted, :industry, :arrival, :months, :firstHome, :bankCipher,
              :bankMasked, :scope, :now, :now)
            """)
        .param("id", id)
        .param("person", person.id())
        .param("name", person.name())
        .param("gender", person.gender().name())
        .param("birth", person.birthDate())
        .param("masked", person.idNumberMasked())
        .param("region", n.regionCode())
        .param("inst", n.institutionCode())
        .param("degree", n.degree().name())
        .param("title", n.title().name())
        .param("employer", employer)
        .param("code", code.value())
        .param("accepted", acceptedBy)
        .param("industry", n.industry().name())
        .param("arrival", n.arrivalDate())
        .param("months", n.socialInsuranceMonths())
        .param("firstHome", n.firstHome())
        .param("bankCipher", bank == null ? null : cipher.encrypt(bank))
        .param("bankMasked", maskBankAccount(bank))
        .param("scope", scope.value())
        .param("now", now)
        .update();
    persons.addScope(person.id(), "talent", scope);
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("person", new RecordChanged.Change(null, Long.toString(person.id())));
    changes.put("employer", new RecordChanged.Change(null, employer + " " + code.value()));
    if (acceptedBy != null) {
      changes.put(
          "employerCodeWarning", new RecordChanged.Change(null, "accepted by " + acceptedBy));
    }
    changes.put("bankAccount", new RecordChanged.Change(null, maskBankAccount(bank)));
    events.publishEvent(
        new RecordChanged("talent", Long.toString(id), "create", scope.value(), changes));
    return id;
  }

  /**
   * Certifies a talent into a tier. An institution's officer certifies the institution's own
   * talents only, within its yearly quota; the institution is then the certifying body.
   */
  public void certify(
      long id,
      Tier tier,
      LocalDate on,
      String basis,
      String certifier,
      @Nullable String directTrack) {
    TalentView t = find(id).orElseThrow(() -> new TalentNotFoundException(id));
    if (basis.isBlank() || basis.length() > 500) {
      throw new InvalidValueException("talent.invalid.basis");
    }
    if (on.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("talent.invalid.certified-on", on);
    }
    String body = certifier.trim();
    if (directTrack != null) {
      boolean known =
          jdbc.sql("select exists (select 1 from talent_direct_track where code = ?)")
              .param(directTrack)
              .query(Boolean.class)
              .single();
      if (!known) {
        throw new InvalidValueException("talent.invalid.direct-track", directTrack);
      }
    }
    String institution = null;
    if (holds(Role.INSTITUTION_OFFICER)) {
      if (t.institutionCode() == null) {
        throw new InvalidValueException("talent.invalid.not-own");
      }
      Institution inst =
          institutions().stream()
              .filter(i -> i.code().equals(t.institutionCode()))
              .findFirst()
              .orElseThrow(() -> new InvalidValueException("talent.invalid.not-own"));
      long used =
          jdbc.sql(
                  "select count(*) from talent_certification where institution_code = ?"
                      + " and extract(year from certified_on) = ?")
              .params(inst.code(), on.getYear())
              .query(Long.class)
              .single();
      if (used >= inst.quota()) {
        throw new InvalidValueException(
            "talent.invalid.quota", inst.name(), inst.quota(), on.getYear());
      }
      institution = inst.code();
      body = inst.name();
    }
    if (body.isEmpty()) {
      throw new InvalidValueException("talent.invalid.certifier");
    }
    jdbc.sql(
            """
            update talent set tier = ?, tier_certified_on = ?, tier_basis = ?, tier_certifier = ?,
              tier_direct_track = ?, updated_at = ? where id = ?
            """)
        .params(tier.name(), on, basis.trim(), body, directTrack, OffsetDateTime.now(clock), id)
        .update();
    jdbc.sql(
            """
            insert into talent_certification (talent_id, tier, certified_on, basis, certifier, direct_track,
              institution_code, recorded_by, recorded_at, scope_path) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            tier.name(),
            on,
            basis.trim(),
            body,
            directTrack,
            institution,
            actor(),
            OffsetDateTime.now(clock),
            t.scopePath().value())
        .update();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put(
        "tier", new RecordChanged.Change(t.tier() == null ? null : t.tier().name(), tier.name()));
    changes.put("certifiedOn", new RecordChanged.Change(null, on.toString()));
    changes.put("certifier", new RecordChanged.Change(t.tierCertifier(), body));
    events.publishEvent(
        new RecordChanged("talent", Long.toString(id), "certify", t.scopePath().value(), changes));
  }

  @Transactional(readOnly = true)
  public List<Certification> certifications(long id) {
    return jdbc.sql(
            """
            select tier, certified_on, basis, certifier, direct_track, institution_code, recorded_by, recorded_at
            from talent_certification where talent_id = ? order by id desc
            """)
        .param(id)
        .query(
            (rs, n) ->
                new Certification(
                    Tier.valueOf(rs.getString(1)),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** The full bank account; the view is audited with the talent's scope. */
  public Optional<String> revealBankAccount(long id) {
    return jdbc.sql("select bank_account_cipher, scope_path from talent where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              byte[] sealed = rs.getBytes(1);
              if (sealed == null) {
                return "";
              }
              events.publishEvent(
                  new PersonalDataRevealed(
                      "talent", Long.toString(id), "bankAccount", rs.getString(2)));
              return cipher.decrypt(sealed);
            })
        .optional()
        .filter(s -> !s.isEmpty());
  }

  /** The institutions with self-management the caller sees. */
  @Transactional(readOnly = true)
  public List<Institution> institutions() {
    return jdbc.sql(
            "select code, name, credit_code, region_code, quota, scope_path from talent_institution order by code")
        .query(
            (rs, n) ->
                new Institution(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    new ScopePath(rs.getString(6))))
        .list();
  }

  /** The "10+10" direct track. */
  @Transactional(readOnly = true)
  public List<DirectTrackKind> directTrack() {
    return jdbc.sql(
            "select code, track, tier, name_zh, name_en from talent_direct_track order by sort")
        .query(
            (rs, n) ->
                new DirectTrackKind(
                    rs.getString(1),
                    DirectTrackKind.Track.valueOf(rs.getString(2)),
                    Tier.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** The facts of every talent the caller sees, as columns for the rules engine. */
  @Transactional(readOnly = true)
  public FactColumns facts() {
    FactColumns.Builder b =
        FactColumns.builder(
            jdbc.sql("select count(*) from talent").query(Long.class).single().intValue());
    jdbc.sql(TalentFactRows.SELECT + " order by id")
        .query(
            rs -> {
              b.add(TalentFactRows.read(rs));
            });
    return b.build();
  }

  /** The facts of one talent. */
  @Transactional(readOnly = true)
  public FactColumns facts(long id) {
    return facts(find(id).orElseThrow(() -> new TalentNotFoundException(id)));
  }

  /** The facts of a talent already read, as the engine reads them. */
  static FactColumns facts(TalentView t) {
    return FactColumns.of(
        new TalentFacts(
            t.id(),
            t.tier() == null ? null : t.tier().name(),
            t.tierCertifiedOn(),
            t.degree().name(),
            t.title().name(),
            t.industry().name(),
            t.regionCode().substring(0, 6),
            t.institutionCode(),
            t.birthDate(),
            t.arrivalDate(),
            t.socialInsuranceMonths(),
            t.firstHome(),
            t.bankAccountMasked() != null));
  }

  private ScopePath basePath(String regionCode, @Nullable String institutionCode) {
    if (institutionCode != null) {
      return institutions().stream()
          .filter(i -> i.code().equals(institutionCode))
          .map(Institution::scopePath)
          .findFirst()
          .orElseThrow(
              () -> new InvalidValueException("talent.invalid.institution", institutionCode));
    }
    return regions
        .pathOf(regionCode)
        .orElseThrow(() -> new InvalidValueException("talent.invalid.region", regionCode));
  }

  /** A bank account as screens show it: its last four digits. */
  public static @Nullable String maskBankAccount(@Nullable String account) {
    if (account == null) {
      return null;
    }
    return "**** **** " + account.substring(Math.max(0, account.length() - 4));
  }

  private static boolean holds(Role role) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getPrincipal() instanceof ZugongPrincipal p
        && p.roles().contains(role);
  }

  static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }

  static TalentView view(ResultSet rs, int n) throws SQLException {
    String tier = rs.getString("tier");
    return new TalentView(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("id_number_masked"),
        rs.getString("region_code"),
        rs.getString("institution_code"),
        Degree.valueOf(rs.getString("degree")),
        ProfessionalTitle.valueOf(rs.getString("title")),
        rs.getString("employer_name"),
        rs.getString("employer_credit_code"),
        rs.getString("employer_code_accepted_by"),
        Industry.valueOf(rs.getString("industry")),
        rs.getObject("arrival_date", LocalDate.class),
        rs.getInt("social_insurance_months"),
        rs.getBoolean("first_home"),
        rs.getString("bank_account_masked"),
        tier == null ? null : Tier.valueOf(tier),
        rs.getObject("tier_certified_on", LocalDate.class),
        rs.getString("tier_basis"),
        rs.getString("tier_certifier"),
        rs.getString("tier_direct_track"),
        new ScopePath(rs.getString("scope_path")));
  }
}
