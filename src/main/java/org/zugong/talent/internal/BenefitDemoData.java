package org.zugong.talent.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.ZugongProperties;
import org.zugong.region.Regions;
import org.zugong.shared.ScopePath;
import org.zugong.talent.BenefitRuns;
import org.zugong.talent.InstantService;

/**
 * The completed 2022 run of benefits granted without application, with the fund pools it paid from,
 * its grants and its payment ledger, published; every talent's QR code; and the uses of 码上秒享 over
 * 2022 ({@code zugong.benefit.demo-instant-uses}), spread over the talents and the year.
 *
 * <p>Fund pools (demo amounts): the general policy's pool is large; each other policy's pool holds
 * a fixed sum, so that a district whose talents draw much sees its pool warned or stopped.
 */
@Component
class BenefitDemoData implements DemoDataContributor {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(BenefitDemoData.class);

  static final LocalDate RUN_DATE = LocalDate.of(2022, 12, 31);

  private final BenefitRuns runs;
  private final BenefitProperties properties;
  private final ZugongProperties zugong;
  private final Regions regions;

  BenefitDemoData(
      BenefitRuns runs, BenefitProperties properties, ZugongProperties zugong, Regions regions) {
    this.runs = runs;
    this.regions = regions;
    this.properties = properties;
    this.zugong = zugong;
  }

  @Override
  public String name() {
    return "benefit-runs";
  }

  @Override
  public int order() {
    return 75;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    demo.jdbc()
        .sql(
            """
            insert into benefit_fund_pool (policy_code, balance, warning_level, stop_level, scope_path)
            select p.code,
              case when p.kind = 'GENERAL' then 2000000000 else 60000000 end,
              case when p.kind = 'GENERAL' then 200000000 else 10000000 end,
              case when p.kind = 'GENERAL' then 50000000 else 2000000 end,
              p.scope_path
            from talent_policy p order by p.code
            """)
        .update();
    long started = System.nanoTime();
    ScopePath city = new ScopePath(zugong.rootScope());
    long run = runs.create(RUN_DATE, city);
    runs.work(run, "demo");
    runs.approve(run);
    runs.publish(run);
    // 江北区's run of mid-2023, proposed and awaiting its administrator's approval: the instalments
    // due in the first half of 2023.
    long jiangbei = runs.create(LocalDate.of(2023, 6, 30), regions.pathOf("330205").orElseThrow());
    runs.work(jiangbei, "demo");

    log.info("Demo benefit runs in {} ms", (System.nanoTime() - started) / 1_000_000);
    started = System.nanoTime();
    List<Long> ids = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    OffsetDateTime created = OffsetDateTime.parse("2022-01-01T09:00:00+08:00");
    BulkCopy.Copy qr =
        demo.bulkCopy()
            .into("talent_qr", List.of("talent_id", "token", "created_at", "scope_path"));
    demo.jdbc()
        .sql("select id, scope_path from talent order by id")
        .query(
            rs -> {
              ids.add(rs.getLong(1));
              scopes.add(rs.getString(2));
              qr.row(rs.getLong(1), InstantService.newToken(), created, rs.getString(2));
            });
    qr.finish();
    if (ids.isEmpty()) {
      return;
    }
    // Uses within 2022 (Beijing time), away from the year's edges so that no time zone moves one.
    BulkCopy.Copy uses =
        demo.bulkCopy().into("instant_service_use", List.of("talent_id", "used_at", "scope_path"));
    OffsetDateTime first = OffsetDateTime.of(2022, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    long seconds = 362L * 24 * 3600;
    for (int i = 0; i < properties.demoInstantUses(); i++) {
      int k = r.nextInt(ids.size());
      uses.row(ids.get(k), first.plusSeconds(Math.floorMod(r.nextLong(), seconds)), scopes.get(k));
    }
    uses.finish();
    log.info(
        "Demo uses of 码上秒享: {} in {} ms",
        properties.demoInstantUses(),
        (System.nanoTime() - started) / 1_000_000);
  }
}
