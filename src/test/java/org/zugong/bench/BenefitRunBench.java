package org.zugong.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.ZugongApplication;
import org.zugong.platform.DataScope;
import org.zugong.shared.ScopePath;
import org.zugong.talent.BenefitRuns;

/**
 * 免申即享 and 码上秒享 at the demo's scale (bench/benefit-runs.sh): the whole run with its grants and
 * decisions stored, beside a bare sequential scan of the talent table; and the 码上秒享 page over HTTP
 * (p50/p99) beside a trivial authenticated JSON endpoint (the talent's own record).
 */
public final class BenefitRunBench {

  private BenefitRunBench() {}

  public static void main(String[] args) throws Exception {
    int talents = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("zugong-bench-runs-");
    ConfigurableApplicationContext app =
        SpringApplication.run(
            ZugongApplication.class,
            "--zugong.data-dir=" + dir,
            "--zugong.demo.background=false",
            "--zugong.demo.members=20000",
            "--zugong.talent.demo-talents=" + talents,
            "--server.port=0",
            "--logging.level.root=WARN",
            "--logging.level.org.zugong.talent.BenefitRuns=DEBUG");
    try {
      run(app, talents, requests, runs);
    } finally {
      app.close();
    }
  }

  private static void run(ConfigurableApplicationContext app, int talents, int requests, int runs)
      throws Exception {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    BenefitRuns benefitRuns = app.getBean(BenefitRuns.class);
    ScopePath city = new ScopePath("/330200/");
    System.out.printf("%n## 免申即享 run over %,d talents%n%n", talents);
    System.out.println("| run | date | grants | run (ms) | bare scan (ms) | ratio |");
    System.out.println("|---|---|---|---|---|---|");
    for (int i = 0; i < runs; i++) {
      LocalDate date = LocalDate.of(2023 + i, 12, 31);
      long s0 = System.nanoTime();
      long scanned =
          DataScope.within(
              city,
              () ->
                  jdbc.sql(
                          "select count(*) from talent where social_insurance_months >= 0"
                              + " and birth_date is not null")
                      .query(Long.class)
                      .single());
      double scan = (System.nanoTime() - s0) / 1e6;
      long t0 = System.nanoTime();
      long id =
          DataScope.within(
              city,
              () -> {
                long run = benefitRuns.create(date, city);
                benefitRuns.work(run, "bench");
                return run;
              });
      double ms = (System.nanoTime() - t0) / 1e6;
      BenefitRuns.Run r = DataScope.within(city, () -> benefitRuns.find(id).orElseThrow());
      System.out.printf(
          "| %d | %s | %,d | %.0f | %.1f (%,d rows) | %.0f× |%n",
          i + 1, date, r.grants(), ms, scan, scanned, ms / scan);
    }

    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    String base = "http://127.0.0.1:" + port;
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = get(http, base + "/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username=yinzhou_talent&password="
            + URLEncoder.encode("Zugong@2022", StandardCharsets.UTF_8)
            + "&_csrf="
            + csrf.group(1);
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String list = get(http, base + "/api/v1/talents");
    Matcher idm = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(list);
    if (!idm.find()) {
      throw new IllegalStateException("the talent sees no talent: " + list);
    }
    String talentId = idm.group(1);
    String code = get(http, base + "/talents/" + talentId + "/code");
    Matcher tm = Pattern.compile("href=\"/q/([A-Za-z0-9_-]{22})\"").matcher(code);
    if (!tm.find()) {
      throw new IllegalStateException("no QR link");
    }
    String page = base + "/q/" + tm.group(1);
    String trivial = base + "/api/v1/talents/" + talentId;
    // Warm up as long as the measurement: the JIT compiles the request path in the first thousand
    // or so requests, and a compilation running beside a timed request is not the page's time.
    for (int i = 0; i < Math.max(200, requests); i++) {
      get(http, page);
      get(http, trivial);
    }
    List<Double> pageMs = new ArrayList<>();
    List<Double> trivialMs = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      get(http, page);
      pageMs.add((System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      get(http, trivial);
      trivialMs.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(pageMs);
    Collections.sort(trivialMs);
    System.out.printf("%n## 码上秒享 over HTTP, %,d requests each, interleaved%n%n", requests);
    System.out.println("| endpoint | p50 (ms) | p99 (ms) |");
    System.out.println("|---|---|---|");
    System.out.printf("| GET /q/{token} | %.2f | %.2f |%n", pct(pageMs, 50), pct(pageMs, 99));
    System.out.printf(
        "| GET /api/v1/talents/{id} | %.2f | %.2f |%n", pct(trivialMs, 50), pct(trivialMs, 99));
    System.out.printf(
        "%np99 ratio: %.2f; p50 ratio: %.2f%n",
        pct(pageMs, 99) / pct(trivialMs, 99), pct(pageMs, 50) / pct(trivialMs, 50));
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode());
    }
    return r.body();
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
