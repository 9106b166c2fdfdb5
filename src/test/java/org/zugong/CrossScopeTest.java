package org.zugong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.platform.DataScope;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/**
 * Walks every endpoint the application has, as every role scoped to 海曙区, aiming each one at records
 * of 江北区, and finds nothing of 江北区 in any answer and no change to 江北区's records. The endpoints come
 * from Spring's own mapping registry, so a new endpoint is walked without being listed here; one
 * whose path variable has no foreign sample fails the test until one is added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossScopeTest extends ZugongTest {

  /**
   * What 江北区 looks like in an answer: its code as a value or in a tree path, its towns' codes, its
   * name, its towns, its accounts. (A masked ID number may start with 330205 — the birthplace of a
   * member who lives elsewhere — which is not 江北区's data.)
   */
  static final List<String> LEAKS =
      List.of(
          "/330205/",
          "\"330205\"",
          ">330205<",
          "330205001",
          "330205002",
          "330205003",
          "江北区",
          "外滩街道",
          "孔浦街道",
          "慈城镇",
          "jiangbei_admin",
          "nbu_officer",
          "宁波大学");

  /** Query parameters that try to steer a page or API at 江北区. */
  static final List<Map<String, String>> STEERING =
      List.of(
          Map.of(),
          Map.of("code", "330205"),
          Map.of("scope", "330205"),
          Map.of("q", "江北区"),
          Map.of("q", "330205"),
          Map.of("actor", "jiangbei_admin"),
          Map.of("parent", "330205"),
          Map.of("under", "330205"));

  /**
   * Endpoints not walked: signing in and out would end the walk, and the public login page lists
   * the demo accounts (江北区's among them) to anyone by design while in demo mode.
   */
  static final Set<String> NOT_WALKED = Set.of("POST /login", "POST /logout", "GET /login");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired PasswordEncoder encoder;

  long foreignAccountId;
  final Map<String, String> foreignSamples = new LinkedHashMap<>();

  @BeforeAll
  void prepare() {
    foreignAccountId =
        DataScope.asSystem(
            () ->
                jdbc.sql("select id from identity_account where username = 'jiangbei_admin'")
                    .query(Long.class)
                    .single());
    foreignSamples.put("regions:code", "330205001");
    foreignSamples.put("accounts:id", Long.toString(foreignAccountId));
    // Each module lists, in src/test/resources/cross-scope/<module>.properties, a query per
    // "resource:variable" that finds one of its records in 江北区.
    try {
      for (var r :
          new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
              .getResources("classpath*:cross-scope/*.properties")) {
        java.util.Properties queries = new java.util.Properties();
        try (var in = r.getInputStream()) {
          queries.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : queries.stringPropertyNames()) {
          String sample =
              DataScope.asSystem(
                  () -> jdbc.sql(queries.getProperty(key)).query(String.class).single());
          foreignSamples.put(key, sample);
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    // The three separated administrators, scoped to 海曙区, to walk their endpoints too.
    TestAccounts.ensure(
        jdbc, encoder, "haishu_sysadmin", Role.SYSTEM_ADMIN, "330203", "/330200/330203/");
    TestAccounts.ensure(
        jdbc, encoder, "haishu_secadmin", Role.SECURITY_ADMIN, "330203", "/330200/330203/");
    TestAccounts.ensure(jdbc, encoder, "haishu_auditor", Role.AUDITOR, "330203", "/330200/330203/");
    // An institution's officer outside 江北区 (宁波东方理工大学 in 镇海区), scoped to its institution's node.
    TestAccounts.ensure(
        jdbc,
        encoder,
        "eit_officer",
        Role.INSTITUTION_OFFICER,
        "330211",
        "/330200/330211/i-eitech/");
  }

  /** Every role, each with an account whose scope lies outside 江北区. */
  static List<String> outsiders() {
    return List.of(
        DemoAccounts.HAISHU_ADMIN,
        DemoAccounts.TOWN_ADMIN,
        DemoAccounts.BRANCH_SECRETARY,
        DemoAccounts.MEMBER,
        DemoAccounts.TALENT,
        "haishu_sysadmin",
        "haishu_secadmin",
        "haishu_auditor",
        "eit_officer");
  }

  record Endpoint(RequestMethod method, String pattern) {
    String key() {
      return method + " " + pattern;
    }
  }

  List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod m : effective) {
          all.add(new Endpoint(m, pattern));
        }
      }
    }
    all.sort((a, b) -> a.key().compareTo(b.key()));
    return all;
  }

  @Test
  void noRoleScopedOutsideJiangbeiSeesOrChangesAnythingOfJiangbei() {
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints)
        .extracting(Endpoint::key)
        .contains("GET /regions", "GET /accounts", "GET /audit");
    String before = jiangbeiSnapshot();
    List<String> leaks = new ArrayList<>();
    int requests = 0;
    for (String user : outsiders()) {
      WebClient client = signedIn(user);
      HttpResponse<String> home = client.get("/");
      assertThat(home.statusCode()).as("%s is signed in", user).isEqualTo(200);
      assertThat(home.body()).contains(user);
      for (Endpoint e : endpoints) {
        if (NOT_WALKED.contains(e.key())) {
          continue;
        }
        String path = fill(e.pattern());
        if (e.method() == RequestMethod.GET) {
          for (Map<String, String> params : STEERING) {
            HttpResponse<String> r = client.get(path + query(params), Map.of("HX-Request", "true"));
            requests++;
            check(
                leaks, user, "GET " + path + query(params), echoRemoved(r.body(), path, params), r);
            HttpResponse<String> full = client.get(path + query(params));
            requests++;
            check(
                leaks,
                user,
                "GET " + path + query(params) + " (page)",
                echoRemoved(full.body(), path, params),
                full);
          }
        } else if (e.method() == RequestMethod.POST) {
          client.get("/");
          HttpResponse<String> r = client.post(path, hostileForm());
          requests++;
          check(leaks, user, "POST " + path, echoRemoved(r.body(), path, Map.of()), r);
        }
      }
      // Still signed in: the walk did not quietly turn into a walk of the login page.
      assertThat(client.get("/").statusCode()).as("%s still signed in", user).isEqualTo(200);
    }
    assertThat(leaks).as("answers that show 江北区 to users outside it").isEmpty();
    assertThat(jiangbeiSnapshot()).as("江北区's accounts after the walk").isEqualTo(before);
    assertThat(requests).isGreaterThan(100);
  }

  @Test
  void theWalkerWouldSeeALeak() {
    // The same check applied to a user who may see 江北区 finds it: the markers are real.
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    List<String> leaks = new ArrayList<>();
    var page = city.get("/regions?code=330205");
    check(leaks, DemoAccounts.CITY_ADMIN, "GET /regions?code=330205", page.body(), page);
    var api = city.get("/api/v1/regions/330205001");
    check(
        leaks,
        DemoAccounts.CITY_ADMIN,
        "GET /api/v1/regions/330205001",
        echoRemoved(api.body(), "/api/v1/regions/330205001", Map.of()),
        api);
    assertThat(leaks).hasSize(2);
  }

  @Test
  void everyPathVariableHasAForeignSample() {
    Set<String> missing = new TreeSet<>();
    Pattern variable = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    for (Endpoint e : endpoints()) {
      Matcher m = variable.matcher(e.pattern());
      while (m.find()) {
        if (!foreignSamples.containsKey(sampleKey(e.pattern(), m.group(1)))) {
          missing.add(e.key() + " {" + sampleKey(e.pattern(), m.group(1)) + "}");
        }
      }
    }
    assertThat(missing)
        .as("path variables without a 江北区 sample: add one to CrossScopeTest.prepare()")
        .isEmpty();
  }

  /** Samples are kept per resource: {@code /api/v1/organizations/{id}} takes "organizations:id". */
  static String sampleKey(String pattern, String variable) {
    String[] segments = pattern.replaceFirst("^/api/v\\d+", "").split("/");
    return (segments.length > 1 ? segments[1] : "") + ":" + variable;
  }

  private String fill(String pattern) {
    Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String sample = foreignSamples.get(sampleKey(pattern, m.group(1)));
      if (sample == null) {
        fail("No foreign sample for {%s} in %s", m.group(1), pattern);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(sample));
    }
    m.appendTail(out);
    return out.toString().replace("/**", "/x");
  }

  /** A form that tries to move records into 江北区 or to change them. */
  private static Map<String, String> hostileForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("scopeCode", "330205");
    form.put("roles", "CITY_ADMIN");
    form.put("enabled", "false");
    form.put("password", "Changed#2024x");
    form.put("username", "intruder");
    form.put("displayName", "intruder");
    form.put("idNumber", "");
    return form;
  }

  private static String query(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder q = new StringBuilder("?");
    params.forEach(
        (k, v) ->
            q.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    return q.substring(0, q.length() - 1);
  }

  /**
   * The answer without what merely repeats the request: the path (error bodies name it) and the
   * search terms shown back in the search box.
   */
  private static String echoRemoved(String body, String path, Map<String, String> params) {
    String out = body.replace(path, "");
    for (Map.Entry<String, String> p : params.entrySet()) {
      out = out.replace("value=\"" + p.getValue() + "\"", "");
      out =
          out.replace(
              p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8), "");
    }
    return out;
  }

  private static void check(
      List<String> leaks, String user, String request, String answer, HttpResponse<String> r) {
    // Tokens are random and may contain any digits; they are not data.
    String body =
        answer
            .replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "")
            .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "");
    for (String marker : LEAKS) {
      if (body.contains(marker)) {
        leaks.add(user + " " + request + " -> " + r.statusCode() + " shows " + marker);
        return;
      }
    }
  }

  /** Every account in 江北区 with its roles and state, as the system sees it. */
  private String jiangbeiSnapshot() {
    return DataScope.asSystem(
        () ->
            String.join(
                "\n",
                jdbc.sql(
                        """
                        select a.id || '|' || a.username || '|' || a.scope_path || '|' || a.enabled || '|'
                               || a.password_hash || '|' || a.locale || '|'
                               || coalesce((select string_agg(role, ',' order by role) from identity_account_role r
                                            where r.account_id = a.id), '')
                        from identity_account a where starts_with(a.scope_path, '/330200/330205/') order by a.id
                        """)
                    .query(String.class)
                    .list()));
  }
}
