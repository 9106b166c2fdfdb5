package org.zugong.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.PersonalDataRevealed;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;

/**
 * The person register. ID numbers and phones are stored encrypted with their masked form beside; an
 * ID number is found exactly through its keyed hash; a full number is shown only through {@link
 * #revealIdNumber}, which is audited. Every change keeps the old and new value of each field.
 */
@Service
@Transactional
public class Persons {

  private static final String COLUMNS =
      "id, name, gender, ethnicity, birth_date, id_number_masked, phone_masked, education,"
          + " occupation, category, new_employment_group, scope_path";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Persons(
      JdbcClient jdbc, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<PersonView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from person where id = ?")
        .param(id)
        .query(Persons::view)
        .optional();
  }

  /** The person with this ID number, if the caller may see them. */
  @Transactional(readOnly = true)
  public Optional<PersonView> findByIdNumber(IdCardNumber idNumber) {
    return jdbc.sql("select " + COLUMNS + " from person where id_number_index = ?")
        .param(cipher.blindIndex(idNumber.value()))
        .query(Persons::view)
        .optional();
  }

  /** The keyed hash other modules store to find a person by ID number. */
  public String idNumberIndex(IdCardNumber idNumber) {
    return cipher.blindIndex(idNumber.value());
  }

  /** Registers many persons at once through COPY, inside the caller's transaction. */
  public PersonBatch batch(org.zugong.platform.BulkCopy bulkCopy) {
    return new PersonBatch(bulkCopy, cipher);
  }

  /** The keyed hash of a registered person's ID number. */
  @Transactional(readOnly = true)
  public String idNumberIndexOf(long personId) {
    return jdbc.sql("select id_number_index from person where id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  /** Registers a person in a scope; an ID number already registered is refused, wherever it is. */
  public long register(PersonFacts facts, ScopePath scope) {
    String index = cipher.blindIndex(facts.idNumber().value());
    boolean exists =
        jdbc.sql("select exists (select 1 from person where id_number_index = ?)")
            .param(index)
            .query(Boolean.class)
            .single();
    if (exists) {
      throw new InvalidValueException("person.invalid.duplicate", facts.idNumber().masked());
    }
    long id = jdbc.sql("select nextval('person_id_seq')").query(Long.class).single();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into person (id, name, gender, ethnicity, birth_date, id_number_cipher, id_number_index,
              id_number_masked, phone_cipher, phone_masked, education, occupation, category,
              new_employment_group, scope_path, created_at, updated_at)
            values (:id, :name, :gender, :ethnicity, :birth, :cipher, :index, :masked, :phoneCipher,
              :phoneMasked, :education, :occupation, :category, :group, :scope, :now, :now)
            """)
        .param("id", id)
        .param("name", facts.name())
        .param("gender", facts.gender().name())
        .param("ethnicity", facts.ethnicity().code())
        .param("birth", facts.birthDate())
        .param("cipher", cipher.encrypt(facts.idNumber().value()))
        .param("index", index)
        .param("masked", facts.idNumber().masked())
        .param("phoneCipher", facts.phone() == null ? null : cipher.encrypt(facts.phone()))
        .param("phoneMasked", maskPhone(facts.phone()))
        .param("education", facts.education().name())
        .param("occupation", facts.occupation())
        .param("category", facts.category().name())
        .param(
            "group", facts.newEmploymentGroup() == null ? null : facts.newEmploymentGroup().name())
        .param("scope", scope.value())
        .param("now", now)
        .update();
    PersonView view = find(id).orElseThrow();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    fields(view).forEach((k, v) -> changes.put(k, new RecordChanged.Change(null, v)));
    events.publishEvent(
        new RecordChanged("person", Long.toString(id), "create", scope.value(), changes));
    events.publishEvent(new PersonChanged(view));
    return id;
  }

  /** Changes a person's facts, keeping each changed field's old and new value. */
  public void update(long id, PersonFacts facts) {
    PersonView before =
        find(id).orElseThrow(() -> new InvalidValueException("person.invalid.not-found"));
    String index = cipher.blindIndex(facts.idNumber().value());
    String oldIndex =
        jdbc.sql("select id_number_index from person where id = ?")
            .param(id)
            .query(String.class)
            .single();
    boolean taken =
        jdbc.sql("select exists (select 1 from person where id_number_index = ? and id <> ?)")
            .params(index, id)
            .query(Boolean.class)
            .single();
    if (taken) {
      throw new InvalidValueException("person.invalid.duplicate", facts.idNumber().masked());
    }
    jdbc.sql(
            """
            update person set name = :name, gender = :gender, ethnicity = :ethnicity, birth_date = :birth,
              id_number_cipher = :cipher, id_number_index = :index, id_number_masked = :masked,
              phone_cipher = :phoneCipher, phone_masked = :phoneMasked, education = :education,
              occupation = :occupation, category = :category, new_employment_group = :group,
              updated_at = :now where id = :id
            """)
        .param("id", id)
        .param("name", facts.name())
        .param("gender", facts.gender().name())
        .param("ethnicity", facts.ethnicity().code())
        .param("birth", facts.birthDate())
        .param("cipher", cipher.encrypt(facts.idNumber().value()))
        .param("index", index)
        .param("masked", facts.idNumber().masked())
        .param("phoneCipher", facts.phone() == null ? null : cipher.encrypt(facts.phone()))
        .param("phoneMasked", maskPhone(facts.phone()))
        .param("education", facts.education().name())
        .param("occupation", facts.occupation())
        .param("category", facts.category().name())
        .param(
            "group", facts.newEmploymentGroup() == null ? null : facts.newEmploymentGroup().name())
        .param("now", OffsetDateTime.now(clock))
        .update();
    recordChanges(id, before, !index.equals(oldIndex));
  }

  /**
   * Changes the details a branch keeps up to date — name, ethnicity, phone, education, occupation —
   * leaving the ID number (and the birth date and gender it fixes) as they are.
   */
  public void updateDetails(long id, PersonDetails d) {
    PersonView before =
        find(id).orElseThrow(() -> new InvalidValueException("person.invalid.not-found"));
    String name = d.name().trim();
    if (name.isEmpty() || name.length() > 40) {
      throw new InvalidValueException("person.invalid.name");
    }
    String phone = d.phone() == null || d.phone().isBlank() ? null : d.phone().trim();
    if (phone != null && !phone.matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
      throw new InvalidValueException("person.invalid.phone");
    }
    if (d.newEmploymentGroup() != null && d.category() != OccupationCategory.NEW_EMPLOYMENT) {
      throw new InvalidValueException("person.invalid.new-employment");
    }
    // An empty phone keeps the one on record; a phone entered replaces it.
    boolean phoneChanged = phone != null;
    jdbc.sql(
            """
            update person set name = :name, ethnicity = :ethnicity, education = :education,
              occupation = :occupation, category = :category, new_employment_group = :group,
              phone_cipher = case when :phoneChanged then :phoneCipher else phone_cipher end,
              phone_masked = case when :phoneChanged then :phoneMasked else phone_masked end,
              updated_at = :now where id = :id
            """)
        .param("id", id)
        .param("name", name)
        .param("ethnicity", d.ethnicity().code())
        .param("education", d.education().name())
        .param(
            "occupation",
            d.occupation() == null || d.occupation().isBlank() ? null : d.occupation().trim())
        .param("category", d.category().name())
        .param("group", d.newEmploymentGroup() == null ? null : d.newEmploymentGroup().name())
        .param("phoneChanged", phoneChanged)
        .param("phoneCipher", phone == null ? null : cipher.encrypt(phone))
        .param("phoneMasked", maskPhone(phone))
        .param("now", OffsetDateTime.now(clock))
        .update();
    recordChanges(id, before, false);
  }

  /** Keeps each changed field's old and new value, and tells the audit and the other modules. */
  private void recordChanges(long id, PersonView before, boolean idNumberChanged) {
    PersonView after = find(id).orElseThrow();
    Map<String, @Nullable String> old = fields(before);
    Map<String, @Nullable String> now = fields(after);
    boolean sameIdNumber = !idNumberChanged;
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    for (var e : now.entrySet()) {
      String field = e.getKey();
      if (!Objects.equals(old.get(field), e.getValue())
          || (field.equals("idNumber") && !sameIdNumber)) {
        changes.put(field, new RecordChanged.Change(old.get(field), e.getValue()));
        jdbc.sql(
                """
                insert into person_change (person_id, field, old_value, new_value, changed_by, changed_at, scope_path)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
            .params(
                id,
                field,
                old.get(field),
                e.getValue(),
                actor(),
                OffsetDateTime.now(clock),
                after.scopePath().value())
            .update();
      }
    }
    if (!changes.isEmpty()) {
      events.publishEvent(
          new RecordChanged(
              "person", Long.toString(id), "update", after.scopePath().value(), changes));
      events.publishEvent(new PersonChanged(after));
    }
  }

  /**
   * Moves a person's home scope, e.g. when a member's relationship moves to another organization.
   */
  public void placeIn(long id, ScopePath scope) {
    jdbc.sql("update person set scope_path = ? where id = ?").params(scope.value(), id).update();
    jdbc.sql("update person_change set scope_path = ? where person_id = ?")
        .params(scope.value(), id)
        .update();
  }

  /**
   * Lets the users of another scope see a person, e.g. a talent's place or institution: {@code
   * source} names why (one scope per source).
   */
  public void addScope(long personId, String source, ScopePath scope) {
    jdbc.sql(
            """
            insert into person_scope (person_id, source, scope_path) values (?, ?, ?)
            on conflict (person_id, source) do update set scope_path = excluded.scope_path
            """)
        .params(personId, source, scope.value())
        .update();
  }

  /**
   * Moves every person whose home lies under {@code oldPath} to the same place under {@code
   * newPath}.
   */
  public void movePaths(String oldPath, String newPath) {
    for (String table : List.of("person", "person_change")) {
      jdbc.sql(
              "update "
                  + table
                  + " set scope_path = :new || substr(scope_path, length(:old) + 1) where starts_with(scope_path, :old)")
          .param("new", newPath)
          .param("old", oldPath)
          .update();
    }
  }

  @Transactional(readOnly = true)
  public List<PersonChange> changes(long id) {
    return jdbc.sql(
            "select field, old_value, new_value, changed_by, changed_at from person_change where person_id = ? order by id desc")
        .param(id)
        .query(
            (rs, n) ->
                new PersonChange(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The full ID number; the view is audited with the person's scope. */
  public Optional<String> revealIdNumber(long id) {
    return jdbc.sql("select id_number_cipher, scope_path from person where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              events.publishEvent(
                  new PersonalDataRevealed(
                      "person", Long.toString(id), "idNumber", rs.getString(2)));
              return cipher.decrypt(rs.getBytes(1));
            })
        .optional();
  }

  /** A phone number as lists show it: its first three and last four digits. */
  public static @Nullable String maskPhone(@Nullable String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  private static Map<String, @Nullable String> fields(PersonView p) {
    Map<String, @Nullable String> f = new LinkedHashMap<>();
    f.put("name", p.name());
    f.put("gender", p.gender().name());
    f.put("ethnicity", p.ethnicity().code());
    f.put("birthDate", p.birthDate().toString());
    f.put("idNumber", p.idNumberMasked());
    f.put("phone", p.phoneMasked());
    f.put("education", p.education().name());
    f.put("occupation", p.occupation());
    f.put("category", p.category().name());
    f.put(
        "newEmploymentGroup",
        p.newEmploymentGroup() == null ? null : p.newEmploymentGroup().name());
    return f;
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }

  static PersonView view(ResultSet rs, int n) throws SQLException {
    String group = rs.getString("new_employment_group");
    return new PersonView(
        rs.getLong("id"),
        rs.getString("name"),
        Gender.valueOf(rs.getString("gender")),
        Ethnicity.ofCode(rs.getString("ethnicity")).orElse(Ethnicity.OTHER),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("id_number_masked"),
        rs.getString("phone_masked"),
        Education.valueOf(rs.getString("education")),
        rs.getString("occupation"),
        OccupationCategory.valueOf(rs.getString("category")),
        group == null ? null : NewEmploymentGroup.valueOf(group),
        new ScopePath(rs.getString("scope_path")));
  }
}
