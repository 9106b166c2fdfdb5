package org.zugong.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client over real sockets: it keeps cookies, reads the CSRF token from the
 * last page, and does not follow redirects so tests can see them.
 */
public final class WebClient {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf = "";

  public WebClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** What a browser asks for: pages first, anything else after. */
  static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT).GET().build());
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT).GET();
    headers.forEach(b::header);
    return send(b.build());
  }

  /** Posts a form with the current CSRF token. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.putIfAbsent("_csrf", csrf);
    return postRaw(path, fields);
  }

  /** Posts a form exactly as given, without adding a CSRF token. */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", ACCEPT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a JSON body to the API with the current CSRF token in its header. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Signs in through the login form; returns the response of the form post. */
  public HttpResponse<String> signIn(String username, String password) {
    get("/login");
    return post("/login", Map.of("username", username, "password", password));
  }

  /** The value of a cookie the server set, or null. */
  public @org.jspecify.annotations.Nullable String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public String csrf() {
    return csrf;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      } else {
        Matcher meta = CSRF_META.matcher(response.body());
        if (meta.find()) {
          csrf = meta.group(1);
        }
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
