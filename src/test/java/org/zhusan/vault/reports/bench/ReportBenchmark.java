package org.zhusan.vault.reports.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;
import org.zhusan.vault.reports.GeneratedProgramme;
import org.zhusan.vault.reports.table.Grouping;

/**
 * Load harness: how long the outcome reports of a programme of 600 people in 17 centres take to be
 * served (HTTP → decide and log the run → read the records at the date → open dates of birth and
 * indicator values in memory → suppress every table of the report's family → JSON), next to an
 * audited read of one person on the same server in the same run, interleaved so machine noise hits
 * both alike. The target (issue 20) is under 1 s for the report of 600 people.
 *
 * <p>Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench test
 * -Dbench.main=org.zhusan.vault.reports.bench.ReportBenchmark -Dbench.args="30"} (measured requests
 * per report, after 10 warm-up rounds).
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    System.setProperty(
        "vault.repo.root", System.getProperty("vault.repo.root", System.getProperty("user.dir")));
    System.setProperty("it.db.name", System.getProperty("it.db.name", "zhusan_bench_reports"));
    long started = System.nanoTime();
    GeneratedProgramme programme = GeneratedProgramme.register();
    System.out.printf(
        "registered %d people with stage moves and indicators in %.1f s%n",
        programme.people.size(), (System.nanoTime() - started) / 1e9);
    String analyst = Tokens.token("bench-analyst", "ANALYST");
    String date = GeneratedProgramme.DATE.toString();
    GeneratedProgramme.Truth someone = programme.people.get(0);
    String doctor = Tokens.token("bench-doctor", "DOCTOR", someone.dims().get(Grouping.CENTRE));
    String[][] requests = {
      {"baseline: GET one person (audited)", "/api/subjects/" + someone.id(), doctor},
      {"stages by centre", "/api/reports/stages?groupBy=CENTRE&date=" + date, analyst},
      {
        "indicators by cohort, women",
        "/api/reports/indicators?kind=IDEOLOGY_ASSESSMENT&groupBy=COHORT&sex=F&date=" + date,
        analyst
      },
      {
        "education by age band",
        "/api/reports/indicators?kind=EDUCATION&groupBy=AGE_BAND&date=" + date,
        analyst
      },
      {"stage trend, 12 months, all", "/api/reports/stage-trend?from=2025-01&to=2025-12", analyst},
    };
    for (String[] r : requests) { // the baseline person must be readable by the baseline token
      HttpResponse<String> first = Http.get(r[1], r[2]);
      if (first.statusCode() != 200) {
        throw new IllegalStateException(r[0] + ": " + first.statusCode() + " " + first.body());
      }
    }
    List<List<Double>> ms = new ArrayList<>();
    for (int i = 0; i < requests.length; i++) {
      ms.add(new ArrayList<>());
    }
    for (int round = -10; round < rounds; round++) {
      for (int i = 0; i < requests.length; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.get(requests[i][1], requests[i][2]);
        double elapsed = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(requests[i][0] + ": " + r.statusCode());
        }
        if (round >= 0) {
          ms.get(i).add(elapsed);
        }
      }
    }
    double baseline = percentile(ms.get(0), 50);
    for (int i = 0; i < requests.length; i++) {
      System.out.printf(
          "%-36s p50 %7.1f ms  p95 %7.1f ms  (p50 %5.1f× the baseline)%n",
          requests[i][0],
          percentile(ms.get(i), 50),
          percentile(ms.get(i), 95),
          percentile(ms.get(i), 50) / baseline);
    }
    VaultServer.get().stop();
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
