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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in HTTP session against a running Zugong, with timing and percentiles, for the benches. */
public class BenchHttp {

  final String base;
  final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  BenchHttp(String base) {
    this.base = base;
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
    System.out.printf("%-34s n=%4d  p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n", name, ms.size(),
        pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.get(ms.size() - 1));
  }

  static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The body of a page or API answer; anything but 200 stops the bench. */
  byte[] get(String path, String accept) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + r.statusCode());
    }
    return r.body();
  }

  /** The body of a JSON answer as text. */
  String json(String path) throws Exception {
    return new String(get(path, "application/json"), StandardCharsets.UTF_8);
  }

  /** The session cookie, for wrk. */
  String sessionCookie() {
    return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().toString();
  }

  void signIn(String user, String password) throws Exception {
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
  }
}
