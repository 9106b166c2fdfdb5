package org.zugong.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for journeys through the real pages. It uses Debian's
 * {@code chromium} and {@code chromedriver} explicitly: Selenium Manager cannot download anything
 * here. Each browser has a fresh profile, so no cookie or preference leaks between tests.
 *
 * <p>A missing browser or driver fails the test with a message saying what to install; it never
 * skips.
 */
public final class Browser implements AutoCloseable {

  /** Debian's Chromium; {@code -Dzugong.chromium=...} points elsewhere. */
  public static final Path CHROMIUM =
      Path.of(System.getProperty("zugong.chromium", "/usr/bin/chromium"));

  /** Debian's chromedriver; {@code -Dzugong.chromedriver=...} points elsewhere. */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("zugong.chromedriver", "/usr/bin/chromedriver"));

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(String baseUrl) {
    requireExecutable(CHROMIUM, "Chromium");
    requireExecutable(CHROMEDRIVER, "chromedriver");
    this.baseUrl = baseUrl;
    this.profile = tempProfile();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    this.service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver started;
    try {
      started = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteProfile();
      throw e;
    }
    this.driver = started;
    this.driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
    this.wait = new WebDriverWait(driver, TIMEOUT);
    // htmx swaps replace elements while a wait looks at them; look again rather than fail.
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /** Starts a browser for the application at {@code baseUrl} (e.g. http://localhost:PORT). */
  public static Browser start(String baseUrl) {
    return new Browser(baseUrl);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Opens a path of the application and waits until the page has loaded. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    waitForPageLoad();
    return this;
  }

  /**
   * Fills in and submits the login form, then waits for the page that follows (home, or the login
   * page again with a message). It does not check that the sign-in succeeded.
   */
  public Browser signIn(String username, String password) {
    open("/login");
    WebElement user = waitFor(By.id("username"));
    user.clear();
    user.sendKeys(username);
    WebElement pass = driver.findElement(By.id("password"));
    pass.clear();
    pass.sendKeys(password);
    clickAndWaitForNewPage(By.id("login-submit"));
    return this;
  }

  /** Clicks an element that leads to another page and waits until that page has loaded. */
  public Browser clickAndWaitForNewPage(By by) {
    WebElement element = waitFor(ExpectedConditions.elementToBeClickable(by));
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    wait.until(d -> isGone(html));
    waitForPageLoad();
    return this;
  }

  /**
   * Whether the element's page has been replaced. Chromium reports an element of a page being
   * replaced either as stale or, mid-navigation, as a node that "does not belong to the document";
   * both mean the old page is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      String message = e.getMessage();
      if (message != null && message.contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Waits until the element is visible and returns it. */
  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public <T> T waitFor(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  /** Waits until the element's visible text contains {@code text}. */
  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** The visible text of the whole page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The {@code lang} attribute of the page. */
  public String language() {
    String lang = driver.findElement(By.tagName("html")).getDomAttribute("lang");
    return lang == null ? "" : lang;
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url == null ? "" : url.substring(Math.min(url.length(), baseUrl.length()));
  }

  /**
   * The messages the page wrote to the browser console at level SEVERE (script errors, blocked
   * resources, failed requests) since the last call.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a screenshot of the window as {@code target/screenshots/NAME.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void waitForPageLoad() {
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static void requireExecutable(Path file, String what) {
    if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
      throw new AssertionError(
          what
              + " not found at "
              + file
              + ": the browser tests need the Debian packages chromium, chromium-driver and"
              + " fonts-noto-cjk (apt-get install chromium chromium-driver fonts-noto-cjk).");
    }
  }

  private static Path tempProfile() {
    try {
      return Files.createTempDirectory("zugong-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
