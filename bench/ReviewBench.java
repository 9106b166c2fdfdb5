/**
 * The year-in-review and the cockpit over HTTP against a running Zugong, as a signed-in user: the
 * review of the demo year as JSON, as the page, as PDF and as a workbook, and the cockpit page.
 * Run by bench/review.sh; usage: java bench/ReviewBench.java BASE_URL USERNAME PASSWORD [REQUESTS]
 */
public class ReviewBench {

  public static void main(String[] args) throws Exception {
    BenchHttp s = new BenchHttp(args[0]);
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    s.signIn(args[1], args[2]);
    for (int i = 0; i < 3; i++) { // warm up
      s.get("/api/v1/review?year=2022", "application/json");
      s.get("/cockpit", "text/html");
    }
    BenchHttp.report("year-in-review 2022 (JSON)", BenchHttp.time(n, () -> s.get("/api/v1/review?year=2022", "application/json")));
    BenchHttp.report("year-in-review 2022 (page)", BenchHttp.time(n, () -> s.get("/review?year=2022", "text/html")));
    BenchHttp.report("year-in-review 2022 (PDF)", BenchHttp.time(n, () -> s.get("/review.pdf?year=2022", "application/pdf")));
    BenchHttp.report("year-in-review 2022 (workbook)", BenchHttp.time(n, () -> s.get("/review.xlsx?year=2022", "*/*")));
    BenchHttp.report("cockpit 2022 (page)", BenchHttp.time(n, () -> s.get("/cockpit?year=2022", "text/html")));
  }
}
