import java.util.ArrayList;
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

  public static void main(String[] args) throws Exception {
    BenchHttp s = new BenchHttp(args[0]);
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    s.signIn(args[1], args[2]);
    System.out.println(s.sessionCookie());
    Random random = new Random(2022);

    List<Long> orgs = new ArrayList<>();
    for (String kind : List.of("COMMITTEE", "WORKING_COMMITTEE", "GENERAL_BRANCH", "BRANCH")) {
      String page = s.json("/api/v1/organizations?size=200&kind=" + kind);
      Matcher m = Pattern.compile("\"id\":(\\d+),\"code\"").matcher(page);
      while (m.find()) {
        orgs.add(Long.parseLong(m.group(1)));
      }
    }
    List<String> names = new ArrayList<>();
    Matcher nm = Pattern.compile("\"name\":\"([^\"]+)\",\"gender\"").matcher(s.json("/api/v1/members?size=200"));
    while (nm.find()) {
      names.add(nm.group(1));
    }
    System.out.printf("sample: %d organizations, %d names%n", orgs.size(), names.size());

    // Warm up the JIT and PostgreSQL's caches.
    for (int i = 0; i < 30; i++) {
      s.json("/api/v1/members/statistics");
      s.json("/api/v1/members/statistics?org=" + orgs.get(random.nextInt(orgs.size())));
      s.json("/api/v1/members?q=" + BenchHttp.enc(names.get(random.nextInt(names.size()))));
    }
    BenchHttp.report("statistics, whole scope", BenchHttp.time(n, () -> s.json("/api/v1/members/statistics")));
    BenchHttp.report("statistics, random subtree", BenchHttp.time(n,
        () -> s.json("/api/v1/members/statistics?org=" + orgs.get(random.nextInt(orgs.size())))));
    BenchHttp.report("search by name", BenchHttp.time(n,
        () -> s.json("/api/v1/members?q=" + BenchHttp.enc(names.get(random.nextInt(names.size()))))));
    BenchHttp.report("search by ID number", BenchHttp.time(n, () -> s.json("/api/v1/members?q=" + idNumber(random))));
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
}
