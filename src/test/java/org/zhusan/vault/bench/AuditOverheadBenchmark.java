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
 * Load harness: audited read requests per second next to the same requests on an instance of a
 * benchmark-only build whose access log writes nothing ({@link BenchmarkWars#withoutAuditing}),
 * both on one database, in the same run. Rounds alternate between the two instances so machine
 * noise hits both alike.
 *
 * <p>Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench test
 * -Dbench.main=org.zhusan.vault.bench.AuditOverheadBenchmark -Dbench.args="8 10 4 6"} (client
 * threads, seconds per round, rounds per instance, 10-second warm-up rounds per instance).
 */
public final class AuditOverheadBenchmark {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    System.setProperty(
        "vault.repo.root", System.getProperty("vault.repo.root", System.getProperty("user.dir")));

    VaultServer audited = VaultServer.launch("zhusan_bench", Map.of(), "bench");
    VaultProcess unaudited =
        audited.anotherInstance(
            Map.of(),
            "bench-noaudit",
            BenchmarkWars.withoutAuditing(
                VaultServer.repoRoot().resolve("target/zhusan-vault.war")));
    try {
      String token = Tokens.token("bench-doc", "DOCTOR", "AST-01");
      List<String> ids = new ArrayList<>();
      System.setProperty("vault.it.baseUrl", audited.baseUrl());
      for (int i = 0; i < 50; i++) {
        ids.add(create(audited.baseUrl(), token, "Benchmark Subject " + i));
      }
      HttpClient http = HttpClient.newBuilder().build();
      for (int w = 0;
          w < warmUps;
          w++) { // warm-up: both instances' JIT settles (rates still rise after three rounds)
        run(http, audited.baseUrl(), token, ids, threads, 10);
        run(http, unaudited.baseUrl(), token, ids, threads, 10);
      }
      double a = 0;
      double u = 0;
      CpuShare auditedCpu = new CpuShare(audited.pid());
      CpuShare unauditedCpu = new CpuShare(unaudited.pid());
      for (int r = 0; r < rounds; r++) {
        double ra =
            auditedCpu.measure(
                () -> run(http, audited.baseUrl(), token, ids, threads, seconds), seconds);
        double ru =
            unauditedCpu.measure(
                () -> run(http, unaudited.baseUrl(), token, ids, threads, seconds), seconds);
        System.out.printf("round %d: audited %.0f req/s, unaudited %.0f req/s%n", r + 1, ra, ru);
        a += ra;
        u += ru;
      }
      System.out.println("CPU per request (ms), audited:   " + auditedCpu);
      System.out.println("CPU per request (ms), unaudited: " + unauditedCpu);
      System.out.printf(
          "GET /api/subjects/{id}, %d client threads, %d x %d s: audited %.0f req/s, unaudited %.0f"
              + " req/s, ratio %.2f%n",
          threads, rounds, seconds, a / rounds, u / rounds, a / u);
    } finally {
      unaudited.close();
      audited.stop();
    }
  }

  /**
   * Where a request's CPU time goes: the vault instance (user and kernel time, and context switches
   * of all its threads), PostgreSQL (all its processes) and this client. Reads Linux's /proc;
   * elsewhere the figures stay zero.
   */
  private static final class CpuShare {
    private final long serverPid;
    private final long[] totals =
        new long[5]; // server user, server system, server switches, postgres, client
    private double requests;

    CpuShare(long serverPid) {
      this.serverPid = serverPid;
    }

    interface Round {
      double run() throws Exception;
    }

    double measure(Round round, int seconds) throws Exception {
      long[] before = sample();
      double rate = round.run();
      long[] after = sample();
      for (int i = 0; i < totals.length; i++) {
        totals[i] += after[i] - before[i];
      }
      requests += rate * seconds;
      return rate;
    }

    private long[] sample() {
      long[] server = procStat(serverPid);
      long postgres =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
              .mapToLong(
                  p -> {
                    long[] t = procStat(p.pid());
                    return t[0] + t[1];
                  })
              .sum();
      long[] client = procStat(ProcessHandle.current().pid());
      return new long[] {
        server[0], server[1], switches(serverPid), postgres, client[0] + client[1]
      };
    }

    /** User and system time in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long[] procStat(long pid) {
      try {
        String stat =
            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
      } catch (Exception e) {
        return new long[2];
      }
    }

    private static long switches(long pid) {
      long n = 0;
      try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + pid + "/task"))) {
        for (var t : tasks.toList()) {
          for (String line : java.nio.file.Files.readAllLines(t.resolve("status"))) {
            if (line.contains("ctxt_switches:")) {
              n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        }
      } catch (Exception e) {
        // thread exited meanwhile or no /proc: approximate
      }
      return n;
    }

    @Override
    public String toString() {
      double tick = 1000.0 / 100; // ms per clock tick (USER_HZ = 100 on Linux)
      return String.format(
          "server user %.2f + system %.2f ms, %.1f context switches; postgres %.2f ms; client %.2f"
              + " ms",
          totals[0] * tick / requests,
          totals[1] * tick / requests,
          totals[2] / requests,
          totals[3] * tick / requests,
          totals[4] * tick / requests);
    }
  }

  private static String create(String base, String token, String name) throws Exception {
    String body =
        "{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\""
            + name
            + "\",\"iin\":\""
            + Subjects.randomIin()
            + "\"}";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/subjects"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(r.body());
    }
    return r.body().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
  }

  private static double run(
      HttpClient http, String base, String token, List<String> ids, int threads, int seconds)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      fs.add(
          pool.submit(
              () -> {
                int i = offset;
                while (!stop.get()) {
                  HttpRequest req =
                      HttpRequest.newBuilder(
                              URI.create(base + "/api/subjects/" + ids.get(i++ % ids.size())))
                          .header("Authorization", "Bearer " + token)
                          .timeout(Duration.ofSeconds(30))
                          .GET()
                          .build();
                  try {
                    if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
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
