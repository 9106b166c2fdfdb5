package org.zugong.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * A district administrator opens the cockpit and sees only the district, opens the review, clicks a
 * figure and sees its records, and downloads the review as PDF, whose first page is rendered.
 */
class CockpitJourneyTest extends ZugongTest {

  @Test
  void aDistrictAdministratorGoesFromTheCockpitToTheRecordsAndThePdf() throws Exception {
    try (Browser browser = Browser.start(baseUrl())) {
      browser.open("/login").signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/cockpit']"));
      browser.waitFor(By.id("cockpit-figures"));
      // The charts draw from the page's data once ECharts has loaded.
      browser.waitFor(d -> !d.findElements(By.cssSelector("#chart-months canvas")).isEmpty());
      browser.waitFor(d -> !d.findElements(By.cssSelector("#chart-parts canvas")).isEmpty());
      long loadMs =
          ((Number)
                  ((JavascriptExecutor) browser.driver())
                      .executeScript(
                          "var t = performance.getEntriesByType('navigation')[0];"
                              + " return Math.round(t.loadEventEnd - t.startTime);"))
              .longValue();
      System.out.println("Cockpit load time in the browser: " + loadMs + " ms");
      assertThat(browser.consoleErrors()).isEmpty();
      String cockpit = browser.pageText();
      assertThat(cockpit).contains("海曙区", "党员", "南门街道").doesNotContain("江北区", "鄞州区");
      assertThat(
              browser.driver().findElements(By.cssSelector("#cockpit-under option")).stream()
                  .map(WebElement::getText))
          .contains("海曙区", "南门街道")
          .doesNotContain("江北区", "宁波市");
      browser.screenshot("cockpit");

      browser.clickAndWaitForNewPage(By.id("cockpit-review"));
      browser.waitFor(By.id("section-FOUNDATION"));
      assertThat(browser.pageText()).contains("固本强基争先行", "暂未提供");
      browser.screenshot("review");
      WebElement figure = browser.waitFor(By.id("value-member.count"));
      String value = figure.findElement(By.tagName("span")).getText();
      ((JavascriptExecutor) browser.driver())
          .executeScript(
              "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", figure);
      browser.clickAndWaitForNewPage(By.id("value-member.count"));
      browser.waitFor(By.id("records"));
      assertThat(browser.driver().findElement(By.id("records-count")).getText())
          .isEqualTo("共 " + value + " 条记录");
      assertThat(browser.driver().findElements(By.cssSelector("#records tbody tr"))).hasSize(50);
      browser.screenshot("review-records");

      browser.driver().navigate().back();
      String pdfHref = browser.waitFor(By.id("review-pdf")).getDomAttribute("href");
      String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
      HttpResponse<byte[]> pdf =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + pdfHref))
                      .header("Cookie", "JSESSIONID=" + session)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (PDDocument doc = Loader.loadPDF(pdf.body())) {
        assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
        Files.createDirectories(Browser.SCREENSHOTS);
        Path png = Browser.SCREENSHOTS.resolve("review-pdf-page1.png");
        ImageIO.write(page, "png", png.toFile());
        assertThat(Files.size(png)).isPositive();
      }
    }
  }
}
