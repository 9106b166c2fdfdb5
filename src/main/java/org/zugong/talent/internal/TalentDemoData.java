package org.zugong.talent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.zugong.identity.Accounts;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
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
import org.zugong.region.Region;
import org.zugong.region.Regions;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.ScopePath;
import org.zugong.shared.UnifiedSocialCreditCode;
import org.zugong.talent.Policies;
import org.zugong.talent.Talents;
import org.zugong.talent.rules.PolicyDocuments;

/**
 * Ningbo's 2022 talents ({@code zugong.talent.demo-talents}, 60,000 by default): persons of their
 * own copied in bulk, spread over the districts' towns and the three institutions given
 * self-management, most of them young graduates served by the policies and about a fifth certified
 * into a tier; the demo policy set (general, special, custom; amounts marked as demo) saved and
 * published; the demo talent and institution officer accounts narrowed to their talent and
 * institution.
 */
@Component
class TalentDemoData implements DemoDataContributor {

  /** Birthplaces other than those of the demo members, so that no ID number repeats theirs. */
  private static final String[] ORIGINS = {
    "110105", "310104", "320106", "330381", "330602", "350102", "440106", "500103", "120101",
    "210102", "130102", "140105", "150102", "220102", "450102"
  };

  /** The districts and their share of the city's talents. */
  private static final Map<String, Integer> DISTRICTS = new LinkedHashMap<>();

  static {
    DISTRICTS.put("330203", 14);
    DISTRICTS.put("330205", 9);
    DISTRICTS.put("330206", 11);
    DISTRICTS.put("330211", 9);
    DISTRICTS.put("330212", 20);
    DISTRICTS.put("330213", 5);
    DISTRICTS.put("330225", 4);
    DISTRICTS.put("330226", 4);
    DISTRICTS.put("330281", 11);
    DISTRICTS.put("330282", 13);
  }

  /** The day the three institutions were given self-management (demo: the review names 2022). */
  static final LocalDate SELF_MANAGING_FROM = LocalDate.of(2022, 3, 20);

  /** The three institutions the review names (quota: demo). */
  record DemoInstitution(String code, String name, String region, int quota, String industry) {}

  static final List<DemoInstitution> INSTITUTIONS =
      List.of(
          new DemoInstitution("i-nbu", "宁波大学", "330205", 60, "EDUCATION"),
          new DemoInstitution("i-eitech", "宁波东方理工大学（暂名）", "330211", 40, "EDUCATION"),
          new DemoInstitution("i-nimte", "中国科学院宁波材料技术与工程研究所", "330211", 40, "NEW_MATERIALS"));

  private static final String[] EMPLOYER_WORDS = {
    "甬新", "海创", "东钱湖", "天一", "三江", "明州", "象山港", "四明", "姚江", "慈城", "杭州湾", "甬江"
  };
  private static final String[] EMPLOYER_KINDS = {
    "新材料科技有限公司",
    "智能装备股份有限公司",
    "数字科技有限公司",
    "汽车零部件有限公司",
    "石化有限公司",
    "生物医药有限公司",
    "供应链管理有限公司",
    "实验学校",
    "医院",
    "银行支行",
    "电子有限公司"
  };
  private static final String[] INDUSTRY_OF_KIND = {
    "NEW_MATERIALS",
    "HIGH_END_EQUIPMENT",
    "DIGITAL_ECONOMY",
    "AUTOMOTIVE",
    "PETROCHEMICAL",
    "BIOMEDICINE",
    "MODERN_SERVICES",
    "EDUCATION",
    "HEALTHCARE",
    "FINANCE",
    "OTHER"
  };

  private final Regions regions;
  private final Persons persons;
  private final PersonalDataCipher cipher;
  private final Policies policies;
  private final Accounts accounts;
  private final TalentProperties properties;
  private final ZugongProperties zugong;

  TalentDemoData(
      Regions regions,
      Persons persons,
      PersonalDataCipher cipher,
      Policies policies,
      Accounts accounts,
      TalentProperties properties,
      ZugongProperties zugong) {
    this.regions = regions;
    this.persons = persons;
    this.cipher = cipher;
    this.policies = policies;
    this.accounts = accounts;
    this.properties = properties;
    this.zugong = zugong;
  }

  @Override
  public String name() {
    return "talents";
  }

  @Override
  public int order() {
    return 70;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    OffsetDateTime now = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    LocalDate end = LocalDate.of(2022, 12, 31);
    Map<String, ScopePath> institutionPaths = new LinkedHashMap<>();
    BulkCopy.Copy inst =
        demo.bulkCopy()
            .into(
                "talent_institution",
                List.of(
                    "code",
                    "name",
                    "credit_code",
                    "region_code",
                    "quota",
                    "self_managing_from",
                    "scope_path"));
    for (DemoInstitution i : INSTITUTIONS) {
      ScopePath path = regions.pathOf(i.region()).orElseThrow().child(i.code());
      institutionPaths.put(i.code(), path);
      inst.row(
          i.code(),
          i.name(),
          creditCode(r, "12", i.region()),
          i.region(),
          i.quota(),
          SELF_MANAGING_FROM,
          path.value());
    }
    inst.finish();

    List<String> districtCodes = new ArrayList<>(DISTRICTS.keySet());
    Map<String, List<Region>> towns = new LinkedHashMap<>();
    for (String d : districtCodes) {
      List<Region> t = regions.children(d);
      towns.put(d, t.isEmpty() ? List.of(regions.find(d).orElseThrow()) : t);
    }
    int weightSum = DISTRICTS.values().stream().mapToInt(Integer::intValue).sum();

    long personId =
        demo.jdbc().sql("select coalesce(max(id), 0) from person").query(Long.class).single();
    PersonBatch personBatch = persons.batch(demo.bulkCopy());
    BulkCopy.Copy talents =
        demo.bulkCopy()
            .into(
                "talent",
                List.of(
                    "id",
                    "person_id",
                    "name",
                    "gender",
                    "birth_date",
                    "id_number_masked",
                    "region_code",
                    "institution_code",
                    "degree",
                    "title",
                    "employer_name",
                    "employer_credit_code",
                    "employer_code_accepted_by",
                    "industry",
                    "arrival_date",
                    "social_insurance_months",
                    "first_home",
                    "bank_account_cipher",
                    "bank_account_masked",
                    "tier",
                    "tier_certified_on",
                    "tier_basis",
                    "tier_certifier",
                    "tier_direct_track",
                    "scope_path",
                    "created_at",
                    "updated_at"));
    BulkCopy.Copy certifications =
        demo.bulkCopy()
            .into(
                "talent_certification",
                List.of(
                    "talent_id",
                    "tier",
                    "certified_on",
                    "basis",
                    "certifier",
                    "direct_track",
                    "institution_code",
                    "recorded_by",
                    "recorded_at",
                    "scope_path"));
    List<String> directTrack =
        demo.jdbc()
            .sql("select code from talent_direct_track order by sort")
            .query(String.class)
            .list();
    Map<String, Integer> institutionCertified = new LinkedHashMap<>();
    ScopePath yinzhouTalent = null;
    java.util.Set<String> issued = new java.util.HashSet<>();
    int total = properties.demoTalents();
    for (long id = 1; id <= total; id++) {
      DemoInstitution institution = null;
      if (r.nextInt(100) < 4) {
        institution = INSTITUTIONS.get(r.nextInt(INSTITUTIONS.size()));
      }
      String district = institution != null ? institution.region() : pick(r, weightSum);
      List<Region> districtTowns = towns.get(district);
      Region town = districtTowns.get(r.nextInt(districtTowns.size()));
      String regionCode = institution != null ? district : town.code();
      ScopePath base = institution != null ? institutionPaths.get(institution.code()) : town.path();
      ScopePath scope = base.child("t" + id);

      int x = r.nextInt(100);
      String degree =
          x < 9
              ? "DOCTORATE"
              : x < 34 ? "MASTER" : x < 82 ? "BACHELOR" : x < 97 ? "COLLEGE" : "NONE";
      if (institution != null && r.nextInt(3) > 0) {
        degree = "DOCTORATE";
      }
      int arrivalYear = 2008 + r.nextInt(15);
      int ageAtArrival =
          21 + (int) Math.abs(r.nextGaussian() * 6) + (degree.equals("DOCTORATE") ? 5 : 0);
      LocalDate arrival = LocalDate.of(arrivalYear, 1, 1).plusDays(r.nextInt(365));
      if (arrival.isAfter(end)) {
        arrival = end;
      }
      LocalDate birth = arrival.minusYears(ageAtArrival).minusDays(r.nextInt(365));
      if (id % 97 == 0) {
        birth = LocalDate.of(1988 + 4 * r.nextInt(3), 2, 29);
      }
      Gender gender = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
      IdCardNumber idNumber = idNumber(ORIGINS[r.nextInt(ORIGINS.length)], birth, gender, r);
      while (!issued.add(idNumber.value())) {
        idNumber = idNumber(ORIGINS[r.nextInt(ORIGINS.length)], birth, gender, r);
      }
      String name = DemoNames.COMMON.name(r, 3);
      OccupationCategory category =
          institution != null
              ? OccupationCategory.PUBLIC_INSTITUTION_STAFF
              : OccupationCategory.ENTERPRISE_STAFF;
      personId++;
      personBatch.add(
          personId,
          new PersonFacts(
              name,
              idNumber,
              gender,
              Ethnicity.HAN,
              birth,
              "13" + String.format("%09d", r.nextInt(1_000_000_000)),
              education(degree),
              institution != null ? "教学科研人员" : "专业技术人员",
              category,
              null),
          scope,
          now);

      String employer;
      String industry;
      String creditCode;
      String accepted = null;
      if (institution != null) {
        employer = institution.name();
        industry = institution.industry();
        creditCode = creditCode(new Random(institution.code().hashCode()), "12", district);
      } else {
        int kind = r.nextInt(EMPLOYER_KINDS.length);
        employer = "宁波" + EMPLOYER_WORDS[r.nextInt(EMPLOYER_WORDS.length)] + EMPLOYER_KINDS[kind];
        industry = INDUSTRY_OF_KIND[kind];
        creditCode = creditCode(r, "91", district);
        if (r.nextInt(200) == 0) {
          // Some issued codes fail the GB 32100 check; an officer accepted this one.
          char last = creditCode.charAt(17);
          creditCode = creditCode.substring(0, 17) + (last == '0' ? '1' : '0');
          accepted = "demo";
        }
      }
      String title =
          switch (r.nextInt(20)) {
            case 0 -> "SENIOR";
            case 1, 2 -> "DEPUTY_SENIOR";
            case 3, 4, 5, 6 -> "INTERMEDIATE";
            case 7, 8, 9 -> "JUNIOR";
            default -> "NONE";
          };
      int months = (int) Math.min(120, java.time.temporal.ChronoUnit.MONTHS.between(arrival, end));
      if (r.nextInt(10) == 0) {
        months = Math.max(0, months - 1 - r.nextInt(12));
      }
      boolean firstHome = r.nextInt(100) < 45;
      String bank =
          r.nextInt(100) < 92
              ? "6217" + String.format("%015d", Math.abs(r.nextLong()) % 1_000_000_000_000_000L)
              : null;

      String tier = null;
      LocalDate certifiedOn = null;
      String basis = null;
      String certifier = null;
      String track = null;
      String certInstitution = null;
      int t = r.nextInt(1000);
      String drawn = t < 1 ? "A" : t < 6 ? "B" : t < 26 ? "C" : t < 76 ? "D" : t < 196 ? "E" : null;
      if (institution != null && drawn == null && r.nextInt(3) == 0) {
        drawn = "E";
      }
      if (drawn != null) {
        LocalDate earliest =
            arrival.isAfter(LocalDate.of(2018, 1, 1)) ? arrival : LocalDate.of(2018, 1, 1);
        long span = Math.max(1, end.toEpochDay() - earliest.toEpochDay());
        LocalDate on = earliest.plusDays(Math.floorMod(r.nextLong(), span));
        if (institution != null) {
          int used = institutionCertified.merge(institution.code() + on.getYear(), 1, Integer::sum);
          if (used > institution.quota()) {
            drawn = null;
          } else {
            certifier = institution.name();
            certInstitution = institution.code();
          }
        } else {
          certifier = "宁波市人才工作领导小组办公室";
        }
        if (drawn != null) {
          tier = drawn;
          certifiedOn = on;
          if (r.nextInt(4) == 0) {
            track = directTrack.get(r.nextInt(directTrack.size()));
            basis = "“10+10”直通车 " + track;
          } else {
            basis = "按人才分类目录认定（" + drawn + "类）";
          }
        }
      }
      // The demo talent account: certified, with a bank account, so that 码上秒享 can be confirmed.
      if (yinzhouTalent == null
          && institution == null
          && district.equals("330212")
          && tier != null
          && bank != null) {
        yinzhouTalent = scope;
      }
      talents.row(
          id,
          personId,
          name,
          gender.name(),
          birth,
          idNumber.masked(),
          regionCode,
          institution == null ? null : institution.code(),
          degree,
          title,
          employer,
          creditCode,
          accepted,
          industry,
          arrival,
          months,
          firstHome,
          bank == null ? null : cipher.encrypt(bank),
          Talents.maskBankAccount(bank),
          tier,
          certifiedOn,
          basis,
          certifier,
          track,
          scope.value(),
          now,
          now);
      if (tier != null) {
        certifications.row(
            id,
            tier,
            certifiedOn,
            basis,
            certifier,
            track,
            certInstitution,
            "demo",
            now,
            scope.value());
      }
    }
    personBatch.finish();
    talents.finish();
    certifications.finish();
    demo.jdbc().sql("select setval('person_id_seq', ?)").param(personId).query(Long.class).single();
    demo.jdbc()
        .sql("select setval('talent_id_seq', ?)")
        .param(Math.max(1, total))
        .query(Long.class)
        .single();

    loadPolicies(institutionPaths);
    if (yinzhouTalent != null) {
      accounts.narrowScope("yinzhou_talent", yinzhouTalent);
    }
    accounts.narrowScope("nbu_officer", institutionPaths.get("i-nbu"));
  }

  /**
   * The demo policy set, saved in its issuer's scope and published, general ones first: the city's
   * general and special policies at the city, each district's supplements at the district, each
   * institution's custom policy at the institution.
   */
  private void loadPolicies(Map<String, ScopePath> institutionPaths) {
    ScopePath city = new ScopePath(zugong.rootScope());
    Map<String, String> customScope =
        Map.of("NB-CUSTOM-NBU", "i-nbu", "NB-CUSTOM-EIT", "i-eitech", "NB-CUSTOM-NIMTE", "i-nimte");
    List<String> documents = new ArrayList<>();
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:talent/policies/*.json");
      Arrays.sort(files, Comparator.comparing(f -> String.valueOf(f.getFilename())));
      for (Resource f : files) {
        documents.add(f.getContentAsString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<org.zugong.talent.rules.PolicyDocument> parsed =
        documents.stream()
            .map(PolicyDocuments::read)
            .sorted(Comparator.comparing(org.zugong.talent.rules.PolicyDocument::kind))
            .toList();
    for (var doc : parsed) {
      String inst = customScope.get(doc.code());
      ScopePath scope =
          inst != null
              ? institutionPaths.get(inst)
              : doc.code().startsWith("NB-DISTRICT-")
                  ? regions.pathOf(doc.code().substring("NB-DISTRICT-".length())).orElseThrow()
                  : city;
      policies.saveDraft(PolicyDocuments.write(doc), scope);
      policies.publish(doc.code(), doc.version());
    }
  }

  private static String pick(Random r, int weightSum) {
    int x = r.nextInt(weightSum);
    for (var e : DISTRICTS.entrySet()) {
      x -= e.getValue();
      if (x < 0) {
        return e.getKey();
      }
    }
    return "330212";
  }

  private static Education education(String degree) {
    return switch (degree) {
      case "DOCTORATE" -> Education.DOCTORATE;
      case "MASTER" -> Education.MASTER;
      case "BACHELOR" -> Education.BACHELOR;
      case "COLLEGE" -> Education.COLLEGE;
      default -> Education.HIGH_SCHOOL;
    };
  }

  static IdCardNumber idNumber(String origin, LocalDate birth, Gender gender, Random r) {
    int seq = r.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
    String body =
        origin
            + String.format(
                "%04d%02d%02d%03d",
                birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), seq);
    return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
  }

  /** A code of the right shape whose check character is right. */
  static String creditCode(Random r, String prefix, String region) {
    String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder b = new StringBuilder(prefix).append(region);
    for (int i = 0; i < 9; i++) {
      b.append(i < 8 ? (char) ('0' + r.nextInt(10)) : chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString() + UnifiedSocialCreditCode.checkCharacter(b.toString());
  }
}
