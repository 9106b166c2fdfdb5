package org.zugong.member.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.zugong.organization.Organizations;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonBatch;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.DemoNames;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.ZugongProperties;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.ScopePath;

/**
 * The city's party members (300,000 by default, {@code zugong.demo.members}) spread over every
 * branch by the kind of unit it is in: farmers in villages, retirees in communities, staff in
 * enterprises and agencies, students and teachers at Ningbo University, delivery riders, couriers
 * and truck drivers in the functional branches. Persons and members are copied in bulk with their
 * ID numbers encrypted, a fixed seed making every start the same.
 */
@Component
class MemberDemoData implements DemoDataContributor {

  static final LocalDate END_OF_2022 = LocalDate.of(2022, 12, 31);
  private static final String[] ORIGINS = {
    "330203", "330204", "330205", "330206", "330211", "330212", "330213", "330225", "330226",
    "330227", "330281", "330282", "330283", "330102", "330302", "340104", "360102", "410105",
    "510104", "522301", "420106", "430102"
  };

  private final Organizations organizations;
  private final PersonalDataCipher cipher;
  private final Persons personRegister;
  private final ZugongProperties properties;

  MemberDemoData(
      Organizations organizations,
      PersonalDataCipher cipher,
      ZugongProperties properties,
      Persons personRegister) {
    this.personRegister = personRegister;
    this.organizations = organizations;
    this.cipher = cipher;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "members";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    List<Organizations.Holder> holders = organizations.memberHolders();
    double[] weights = new double[holders.size()];
    double sum = 0;
    for (int i = 0; i < holders.size(); i++) {
      Organizations.Holder h = holders.get(i);
      double w =
          switch (h.unitType()) {
            case VILLAGE -> 30;
            case COMMUNITY -> 26;
            case AGENCY -> 22;
            case SCHOOL -> 24;
            case STATE_ENTERPRISE -> 20;
            case NEW_EMPLOYMENT -> 40;
            case PRIVATE_ENTERPRISE -> 7;
            case SOCIAL_ORGANIZATION -> 5;
            default -> 10;
          };
      weights[i] = w * (0.5 + r.nextDouble());
      sum += weights[i];
    }
    int total = properties.demo().members();
    OffsetDateTime now = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    PersonBatch persons = personRegister.batch(demo.bulkCopy());
    BulkCopy.Copy members =
        demo.bulkCopy()
            .into(
                "member",
                List.of(
                    "id",
                    "person_id",
                    "organization_id",
                    "scope_path",
                    "org_path",
                    "name",
                    "gender",
                    "ethnicity",
                    "birth_date",
                    "id_number_index",
                    "id_number_masked",
                    "education",
                    "category",
                    "new_employment_group",
                    "stage",
                    "status",
                    "joined_on",
                    "full_on",
                    "dues_category",
                    "monthly_income_fen",
                    "mobile",
                    "created_at",
                    "updated_at"));
    BulkCopy.Copy events =
        demo.bulkCopy()
            .into(
                "member_event",
                List.of(
                    "member_id",
                    "kind",
                    "effective_on",
                    "organization_id",
                    "scope_path",
                    "recorded_by",
                    "recorded_at"));
    Set<String> ids = new HashSet<>(total * 2);
    long id = 1;
    for (int i = 0; i < holders.size(); i++) {
      Organizations.Holder h = holders.get(i);
      int n = (int) Math.round(total * weights[i] / sum);
      for (int k = 0; k < n && id <= total; k++, id++) {
        Gender gender = r.nextInt(100) < 70 ? Gender.MALE : Gender.FEMALE;
        OccupationCategory category = category(h, r);
        NewEmploymentGroup group = category == OccupationCategory.NEW_EMPLOYMENT ? group(h) : null;
        int age = age(category, r);
        LocalDate birth = END_OF_2022.minusYears(age).minusDays(r.nextInt(365));
        IdCardNumber idNumber;
        do {
          idNumber =
              DemoPeople.idNumber(
                  ORIGINS[r.nextInt(ORIGINS.length)], birth, gender == Gender.MALE, r);
        } while (!ids.add(idNumber.value()));
        String name = DemoNames.COMMON.name(r, 4);
        String phone = DemoPeople.mobile(r);
        Education education = education(category, age, r);
        Ethnicity ethnicity =
            r.nextInt(100) < 98
                ? Ethnicity.HAN
                : List.of(
                        Ethnicity.HUI,
                        Ethnicity.SHE,
                        Ethnicity.MANCHU,
                        Ethnicity.TUJIA,
                        Ethnicity.MIAO,
                        Ethnicity.ZHUANG)
                    .get(r.nextInt(6));
        LocalDate adult = birth.plusYears(18);
        LocalDate earliest =
            adult.isBefore(LocalDate.of(1950, 1, 1)) ? LocalDate.of(1950, 1, 1) : adult;
        long span = Math.max(1, END_OF_2022.toEpochDay() - earliest.toEpochDay());
        LocalDate joined = earliest.plusDays((long) (span * Math.pow(r.nextDouble(), 0.7)));
        boolean probationary = joined.isAfter(END_OF_2022.minusYears(1));
        LocalDate full = probationary ? null : joined.plusYears(1);
        int s = r.nextInt(1000);
        String status =
            s < 8
                ? "LOST_CONTACT"
                : s < 11 ? "STOPPED" : s < 14 ? "DECEASED" : s < 15 ? "REMOVED" : "NORMAL";
        String dues =
            switch (category) {
              case RETIRED -> "RETIRED";
              case FARMER -> "FARMER";
              case STUDENT -> "STUDENT";
              default -> "SALARIED";
            };
        Long income = null;
        if (dues.equals("SALARIED")) {
          income = (3000L + r.nextInt(12000)) * 100;
        } else if (dues.equals("RETIRED")) {
          income = (2500L + r.nextInt(5000)) * 100;
        }
        boolean mobile =
            category == OccupationCategory.NEW_EMPLOYMENT ? r.nextInt(4) == 0 : r.nextInt(100) < 2;
        String path = h.path().value();
        persons.add(
            id,
            new PersonFacts(
                name,
                idNumber,
                gender,
                ethnicity,
                birth,
                phone,
                education,
                occupation(category, group),
                category,
                group),
            new ScopePath(path),
            now);
        members.row(
            id,
            id,
            h.id(),
            path,
            h.treePath().value(),
            name,
            gender.name(),
            ethnicity.code(),
            birth,
            cipher.blindIndex(idNumber.value()),
            idNumber.masked(),
            education.name(),
            category.name(),
            group == null ? null : group.name(),
            probationary ? "PROBATIONARY" : "FULL",
            status,
            joined,
            full,
            dues,
            income,
            mobile,
            now,
            now);
        events.row(id, "JOINED", joined, h.id(), path, "demo", now);
        if (full != null) {
          events.row(id, "CONVERTED", full, h.id(), path, "demo", now);
        }
      }
    }
    persons.finish();
    members.finish();
    events.finish();
    demo.jdbc().sql("select setval('person_id_seq', ?)").param(id).query(Long.class).single();
    demo.jdbc().sql("select setval('member_id_seq', ?)").param(id).query(Long.class).single();
  }

  private static OccupationCategory category(Organizations.Holder h, Random r) {
    int x = r.nextInt(100);
    return switch (h.unitType()) {
      case VILLAGE ->
          x < 70
              ? OccupationCategory.FARMER
              : x < 85 ? OccupationCategory.RETIRED : OccupationCategory.WORKER;
      case COMMUNITY ->
          x < 55
              ? OccupationCategory.RETIRED
              : x < 75 ? OccupationCategory.ENTERPRISE_STAFF : OccupationCategory.OTHER;
      case AGENCY -> x < 85 ? OccupationCategory.CIVIL_SERVANT : OccupationCategory.RETIRED;
      case SCHOOL ->
          x < 45 ? OccupationCategory.STUDENT : OccupationCategory.PUBLIC_INSTITUTION_STAFF;
      case STATE_ENTERPRISE, PRIVATE_ENTERPRISE ->
          x < 60 ? OccupationCategory.ENTERPRISE_STAFF : OccupationCategory.WORKER;
      case NEW_EMPLOYMENT -> OccupationCategory.NEW_EMPLOYMENT;
      case SOCIAL_ORGANIZATION -> OccupationCategory.OTHER;
      default -> OccupationCategory.OTHER;
    };
  }

  private static NewEmploymentGroup group(Organizations.Holder h) {
    String trade = h.trade() == null ? "" : h.trade();
    return trade.contains("快递")
        ? NewEmploymentGroup.COURIER
        : trade.contains("货车")
            ? NewEmploymentGroup.TRUCK_DRIVER
            : NewEmploymentGroup.DELIVERY_RIDER;
  }

  private static String occupation(OccupationCategory c, NewEmploymentGroup g) {
    if (g != null) {
      return switch (g) {
        case COURIER -> "快递员";
        case DELIVERY_RIDER -> "外卖骑手";
        case TRUCK_DRIVER -> "货车司机";
      };
    }
    return switch (c) {
      case FARMER -> "农民";
      case WORKER -> "工人";
      case ENTERPRISE_STAFF -> "企业职工";
      case PUBLIC_INSTITUTION_STAFF -> "教师";
      case CIVIL_SERVANT -> "公务员";
      case STUDENT -> "学生";
      case RETIRED -> "离退休人员";
      default -> "其他";
    };
  }

  private static int age(OccupationCategory c, Random r) {
    return switch (c) {
      case STUDENT -> 19 + r.nextInt(8);
      case RETIRED -> 60 + r.nextInt(32);
      case NEW_EMPLOYMENT -> 22 + r.nextInt(25);
      case FARMER -> 35 + r.nextInt(50);
      default -> 23 + r.nextInt(38);
    };
  }

  private static Education education(OccupationCategory c, int age, Random r) {
    int x = r.nextInt(100);
    if (c == OccupationCategory.STUDENT) {
      return x < 60 ? Education.BACHELOR : x < 90 ? Education.MASTER : Education.DOCTORATE;
    }
    if (c == OccupationCategory.CIVIL_SERVANT || c == OccupationCategory.PUBLIC_INSTITUTION_STAFF) {
      return x < 55
          ? Education.BACHELOR
          : x < 85 ? Education.MASTER : x < 90 ? Education.DOCTORATE : Education.COLLEGE;
    }
    if (age > 60 || c == OccupationCategory.FARMER) {
      return x < 45
          ? Education.JUNIOR_HIGH_OR_BELOW
          : x < 75
              ? Education.HIGH_SCHOOL
              : x < 88 ? Education.SECONDARY_VOCATIONAL : Education.COLLEGE;
    }
    return x < 35
        ? Education.BACHELOR
        : x < 65
            ? Education.COLLEGE
            : x < 80
                ? Education.HIGH_SCHOOL
                : x < 92 ? Education.SECONDARY_VOCATIONAL : Education.MASTER;
  }
}
