package org.zugong.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.review.YearInReview.Figure;
import org.zugong.review.internal.ReferenceFigures;
import org.zugong.shared.ScopePath;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The cockpit, the year-in-review and the records behind figures over HTTP. */
class ReviewPagesTest extends ZugongTest {

  @Autowired YearInReview reviews;
  @Autowired ReferenceFigures references;

  @Test
  void theDemoYearReproducesEveryAvailableFigureOfTheReview() {
    actAs(DemoAccounts.CITY_ADMIN);
    YearInReview.Review review =
        reviews.review(YearInReview.REFERENCE_YEAR, new ScopePath("/330200/"));
    List<String> reproduced = new ArrayList<>();
    List<String> notYetAvailable = new ArrayList<>();
    for (ReferenceFigure r : references.all()) {
      Figure f =
          review.figures().stream().filter(x -> x.key().equals(r.key())).findFirst().orElseThrow();
      assertThat(f.reference()).isEqualTo(r);
      if (f.available()) {
        assertThat(f.reproduces())
            .as(
                "%s: the review says %s %s %s, the records give %s",
                r.key(), r.qualifier(), r.value(), r.unit(), f.value())
            .isTrue();
        reproduced.add(r.key());
      } else {
        notYetAvailable.add(r.key() + " (" + r.module() + ")");
      }
    }
    assertThat(reproduced.size() + notYetAvailable.size()).isEqualTo(45);
    System.out.println("Review figures reproduced: " + reproduced);
    System.out.println("Review figures not yet available: " + notYetAvailable);
  }

  @Test
  void aDistrictAdministratorSeesOnlyTheDistrict() {
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> cockpit = haishu.get("/cockpit");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body())
        .contains("海曙区", "id=\"figure-member.count\"")
        .doesNotContain(">江北区<");
    assertThat(haishu.get("/cockpit?under=330205").statusCode()).isEqualTo(404);
    assertThat(haishu.get("/review?under=330205").statusCode()).isEqualTo(404);
    assertThat(haishu.get("/indicators/member.count?under=330205").statusCode()).isEqualTo(404);
    assertThat(haishu.get("/api/v1/indicators/member.count?under=330205").statusCode())
        .isEqualTo(404);
    assertThat(signedIn(DemoAccounts.MEMBER).get("/cockpit").statusCode()).isEqualTo(403);
  }

  @Test
  void aFigureOfTheReviewOpensAsManyRecords() {
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    String page = haishu.get("/review?year=2022").body();
    assertThat(page)
        .contains(
            "id=\"section-FOUNDATION\"",
            "id=\"na-training.party_school_classes\"",
            "id=\"value-talent.housing_area_m2\"",
            "暂未提供");
    Matcher link =
        Pattern.compile("id=\"value-member.count\" href=\"([^\"]+)\">\\s*<span>([0-9,]+)</span>")
            .matcher(page);
    assertThat(link.find()).isTrue();
    String records = haishu.get(link.group(1).replace("&amp;", "&")).body();
    assertThat(records).contains("共 " + link.group(2) + " 条记录", "党员：海曙区 · 2022 年");
    HttpResponse<String> export =
        haishu.get(
            link.group(1)
                .replace("&amp;", "&")
                .replace("/indicators/member.count", "/indicators/member.count/export"));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
  }

  @Test
  void theReviewDownloadsAsAPdfWithTheChineseTextAndAsAWorkbook()
      throws IOException, InterruptedException {
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<byte[]> pdf = bytes(haishu, "/review.pdf?year=2022");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("海曙区组织工作这一年", "这一年 固本强基争先行", "党员", "暂未提供");
    }
    HttpResponse<byte[]> xlsx = bytes(haishu, "/review.xlsx?year=2022");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  private HttpResponse<byte[]> bytes(WebClient client, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + client.cookie("JSESSIONID"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
