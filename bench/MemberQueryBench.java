import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the member queries over HTTP against a running Zugong, as a signed-in user: statistics
 * of random subtrees (city, districts, towns, branches), member search by name and by whole ID
 * number. Prints p50/p95/p99 per workload. Run by bench/member-queries.sh; usage:
 * java bench/MemberQueryBench.java BASE_URL USERNAME PASSWORD [REQUESTS]
 */
public class MemberQueryBench {

  static final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    signIn(base, args[1], args[2]);
    Random random = new Random(2022);

    List<Long> orgs = new ArrayList<>();
    for (String kind : List.of("COMMITTEE", "WORKING_COMMITTEE", "GENERAL_BRANCH", "BRANCH")) {
      String page = get(base + "/api/v1/organizations?size=200&kind=" + kind);
      Matcher m = Pattern.compile("\"id\":(\\d+),\"code\"").matcher(page);
      while (m.find()) {
        orgs.add(Long.parseLong(m.group(1)));
      }
    }
    List<String> names = new ArrayList<>();
    Matcher nm = Pattern.compile("\"name\":\"([^\"]+)\",\"gender\"").matcher(get(base + "/api/v1/members?size=200"));
    while (nm.find()) {
      names.add(nm.group(1));
    }
    System.out.printf("sample: %d organizations, %d names%n", orgs.size(), names.size());

    // Warm up the JIT and PostgreSQL's caches.
    for (int i = 0; i < 30; i++) {
      get(base + "/api/v1/members/statistics?org=" + orgs.get(random.nextInt(orgs.size())));
      get(base + "/api/v1/members?q=" + enc(names.get(random.nextInt(names.size()))));
    }
    report("statistics, whole scope", time(n / 10, () -> get(base + "/api/v1/members/statistics")));
    report("statistics, random subtree", time(n, () -> get(base + "/api/v1/members/statistics?org=" + orgs.get(random.nextInt(orgs.size())))));
    report("search by name", time(n, () -> get(base + "/api/v1/members?q=" + enc(names.get(random.nextInt(names.size()))))));
    report("search by ID number", time(n, () -> get(base + "/api/v1/members?q=" + idNumber(random))));
  }

  interface Call {
    void run() throws Exception;
  }

  static List<Double> time(int n, Call call) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.run();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms;
  }

  static void report(String name, List<Double> ms) {
    Collections.sort(ms);
    System.out.printf("%-28s n=%4d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", name, ms.size(),
        pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.get(ms.size() - 1));
  }

  static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** A valid ID number of a Ningbo district (most are not registered: the lookup is the same). */
  static String idNumber(Random r) {
    String body = "330203" + (1950 + r.nextInt(50)) + String.format("%02d%02d%03d", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int s = 0;
    for (int i = 0; i < 17; i++) {
      s += (body.charAt(i) - '0') * w[i];
    }
    return body + "10X98765432".charAt(s % 11);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String get(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode());
    }
    return r.body();
  }

  static void signIn(String base, String user, String password) throws Exception {
    String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (!r.headers().firstValue("Location").orElse("").endsWith("/")) {
      throw new IllegalStateException("sign-in failed: " + r.headers().firstValue("Location").orElse("?"));
    }
    String cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
    System.out.println("JSESSIONID=" + cookie);
  }
}
