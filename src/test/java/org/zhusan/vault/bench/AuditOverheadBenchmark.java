package org.zhusan.vault.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Load harness: audited read requests per second next to the same requests on an instance with
 * auditing switched off (development profile only), both on one database, in the same run. Rounds
 * alternate between the two instances so machine noise hits both alike.
 *
 * <p>Run after {@code mvn -DskipTests package}:
 * {@code mvn -q -Pbench test -Dbench.main=org.zhusan.vault.bench.AuditOverheadBenchmark -Dbench.args="8 10 3"}
 * (client threads, seconds per round, rounds per instance).
 */
public final class AuditOverheadBenchmark {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.setProperty("vault.repo.root", System.getProperty("vault.repo.root", System.getProperty("user.dir")));

    VaultServer audited = VaultServer.launch("zhusan_bench", Map.of(), "bench");
    VaultProcess unaudited = audited.anotherInstance(Map.of("VAULT_AUDIT_BENCHMARK_DISABLE", "true"), "bench-noaudit");
    try {
      String token = Tokens.token("bench-doc", "DOCTOR", "AST-01");
      List<String> ids = new ArrayList<>();
      System.setProperty("vault.it.baseUrl", audited.baseUrl());
      for (int i = 0; i < 50; i++) {
        ids.add(create(audited.baseUrl(), token, "Benchmark Subject " + i));
      }
      HttpClient http = HttpClient.newBuilder().build();
      for (int w = 0; w < 3; w++) { // warm-up: both instances' JIT settles
        run(http, audited.baseUrl(), token, ids, threads, 10);
        run(http, unaudited.baseUrl(), token, ids, threads, 10);
      }
      double a = 0;
      double u = 0;
      for (int r = 0; r < rounds; r++) {
        double ra = run(http, audited.baseUrl(), token, ids, threads, seconds);
        double ru = run(http, unaudited.baseUrl(), token, ids, threads, seconds);
        System.out.printf("round %d: audited %.0f req/s, unaudited %.0f req/s%n", r + 1, ra, ru);
        a += ra;
        u += ru;
      }
      System.out.printf("GET /api/subjects/{id}, %d client threads, %d x %d s: audited %.0f req/s, unaudited %.0f req/s, ratio %.2f%n",
          threads, rounds, seconds, a / rounds, u / rounds, a / u);
    } finally {
      unaudited.close();
      audited.stop();
    }
  }

  private static String create(String base, String token, String name) throws Exception {
    String body = "{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\"" + name + "\",\"iin\":\"" + Subjects.randomIin() + "\"}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/subjects"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(r.body());
    }
    return r.body().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
  }

  private static double run(HttpClient http, String base, String token, List<String> ids, int threads, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      fs.add(pool.submit(() -> {
        int i = offset;
        while (!stop.get()) {
          HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/subjects/" + ids.get(i++ % ids.size())))
              .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
          try {
            if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
              ok.incrementAndGet();
            }
          } catch (Exception e) {
            // counted as not ok
          }
        }
        return null;
      }));
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return ok.get() / ((System.nanoTime() - start) / 1e9);
  }
}
