package org.zhusan.vault.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.zhusan.vault.documents.content.ChildClasspath;
import org.zhusan.vault.documents.content.ContainedExtractor;
import org.zhusan.vault.documents.content.ContentDetector;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.ExtractionLimits;
import org.zhusan.vault.documents.content.OcrSupport;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Load harness for documents, each figure next to its baseline from the same run:
 *
 * <ol>
 *   <li>uploads (HTTP upload → detect → encrypt → store → audit → commit; extraction and indexing
 *       run after commit, so {@link IngestBenchmark} is the one that counts to indexed) of the test
 *       corpus, in documents/s and MB/s, next to contained Tika extraction alone on the same files;
 *   <li>a 1 GiB upload and download through a vault running with a 256 MiB heap (or the one named
 *       by the environment variable {@code BENCH_DOCS_HEAP}); download MB/s next to reading the
 *       same stored (encrypted) rows raw over JDBC.
 * </ol>
 *
 * <p>Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench test
 * -Dbench.main=org.zhusan.vault.bench.DocumentThroughputBenchmark -Dbench.args="3 1024"}.
 * Arguments: corpus passes (0 skips the ingest part: the large file only), size of the large file
 * in MiB, download rounds (default 3; each round reads the rows raw, then downloads, so both see
 * the same load), database name on the local PostgreSQL (default {@code zhusan_bench_docs}; dropped
 * and created afresh).
 */
public final class DocumentThroughputBenchmark {
  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long bigMiB = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String database = args.length > 3 ? args[3] : "zhusan_bench_docs";
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1");
    }
    System.setProperty(
        "vault.repo.root", System.getProperty("vault.repo.root", System.getProperty("user.dir")));
    if (passes > 0) {
      ingest(passes, bigMiB, database);
    }

    // The large file, through a vault with a 256 MiB heap (a fourth of the file: it must stream),
    // or the heap named by BENCH_DOCS_HEAP (e.g. 768m, the launcher's default).
    String heap = System.getenv().getOrDefault("BENCH_DOCS_HEAP", "256m");
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of("VAULT_DOCUMENTS_MAX_UPLOAD_BYTES", Long.toString((bigMiB + 16) * 1024 * 1024)));
    // e.g. BENCH_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/download.jfr to profile it
    String serverOpts = System.getenv("BENCH_SERVER_JAVA_OPTS");
    if (serverOpts != null) {
      env.put("JAVA_TOOL_OPTIONS", serverOpts);
    }
    VaultServer small = VaultServer.launch(database, env, "bench-docs-" + heap, heap);
    try {
      String token = Tokens.token("bench-lawyer", "LAWYER", "AST-01");
      String subject = createSubject(small.baseUrl(), token);
      long size = bigMiB * 1024 * 1024;
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      long t0 = System.nanoTime();
      HttpResponse<String> up =
          new Multipart()
              .field("type", "COURT")
              .field("title", "large")
              .field("purpose", "LEGAL_PROCEEDING")
              .file("large.txt".getBytes(StandardCharsets.UTF_8), () -> new Generated(size, sent))
              .postTo(small.baseUrl(), "/api/subjects/" + subject + "/documents", token);
      double upSeconds = (System.nanoTime() - t0) / 1e9;
      if (up.statusCode() != 201) {
        throw new IllegalStateException("large upload: " + up.statusCode() + " " + up.body());
      }
      String documentId = up.body().replaceAll("^\\{.*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
      String versionId =
          up.body().replaceAll(".*\"versions\":\\[\\{.*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
      System.out.printf(
          "upload   : %d MiB with a %s heap in %.1f s = %.1f MB/s%n",
          bigMiB, heap, upSeconds, size / 1e6 / upSeconds);

      String contentUrl =
          small.baseUrl()
              + "/api/documents/"
              + documentId
              + "/versions/1/content?purpose=LEGAL_PROCEEDING";
      // Rounds alternate the raw read and the download so both see the same machine load. Round 0
      // warms both up (the JIT compiles the server's decryption path during the first download)
      // and is reported but left out of the summary.
      Connection monitor =
          java.sql.DriverManager.getConnection(small.jdbcUrl(), VaultServer.OWNER, "");
      double[] ratios = new double[rounds];
      double rawTotal = 0;
      double downTotal = 0;
      long rawBytes = 0;
      for (int round = 0; round <= rounds; round++) {
        long raw;
        double rawSeconds;
        Cpu rawCpu;
        try (Connection c =
            java.sql.DriverManager.getConnection(small.jdbcUrl(), VaultServer.OWNER, "")) {
          rawCpu = new Cpu(small.pid(), monitor);
          t0 = System.nanoTime();
          raw = rawRead(c, UUID.fromString(versionId));
          rawSeconds = (System.nanoTime() - t0) / 1e9;
          rawCpu.stop();
        }

        // A plain blocking HTTP/1.1 client, the counterpart of the plain JDBC read, checking every
        // byte against the generated content (cheaper than hashing it: the client shares the
        // machine's cores with the server and PostgreSQL).
        Cpu downCpu = new Cpu(small.pid(), monitor);
        java.time.Instant downloadStarted = java.time.Instant.now();
        t0 = System.nanoTime();
        HttpURLConnection http =
            (HttpURLConnection) URI.create(contentUrl).toURL().openConnection();
        http.setRequestProperty("Authorization", "Bearer " + token);
        if (http.getResponseCode() != 200) {
          throw new IllegalStateException("download: " + http.getResponseCode());
        }
        GeneratedCheck check = new GeneratedCheck();
        long received;
        try (InputStream body = http.getInputStream()) {
          received = check.consume(body);
        }
        double downSeconds = (System.nanoTime() - t0) / 1e9;
        downCpu.stop();
        // to cut a profile of the server (BENCH_SERVER_JAVA_OPTS) to one download
        System.out.printf(
            "download : round %d from %s to %s%n", round, downloadStarted, java.time.Instant.now());
        boolean same = received == size && check.allMatched();
        System.out.printf(
            "download : round %d%s: %d MiB in %.1f s = %.1f MB/s, identical bytes: %s%n",
            round,
            round == 0 ? " (warm-up)" : "",
            bigMiB,
            downSeconds,
            size / 1e6 / downSeconds,
            same);
        System.out.printf(
            "raw read : round %d: the same %d encrypted bytes over JDBC in %.1f s = %.1f MB/s%n",
            round, raw, rawSeconds, raw / 1e6 / rawSeconds);
        System.out.printf(
            "ratio    : round %d: download / raw read = %.2f%n", round, rawSeconds / downSeconds);
        System.out.printf(
            "cpu      : round %d: download %s; raw read %s%n", round, downCpu, rawCpu);
        if (!same) {
          throw new IllegalStateException("the download differs from the upload");
        }
        if (round == 0) {
          continue;
        }
        ratios[round - 1] = rawSeconds / downSeconds;
        rawTotal += rawSeconds;
        downTotal += downSeconds;
        rawBytes += raw;
      }
      monitor.close();
      java.util.Arrays.sort(ratios);
      System.out.printf(
          "ratio    : download / raw read over rounds 1..%d: median %.2f, all rounds %.2f"
              + " (download %.1f MB/s, raw read %.1f MB/s)%n",
          rounds,
          ratios[rounds / 2],
          rawTotal / downTotal,
          rounds * size / 1e6 / downTotal,
          rawBytes / 1e6 / rawTotal);
    } finally {
      small.stop();
    }
  }

  /** Ingest of the corpus, {@code passes} times, next to contained extraction alone. */
  private static void ingest(int passes, long bigMiB, String database) throws Exception {
    List<Path> corpus;
    try (Stream<Path> s = Files.list(org.zhusan.vault.it.TestCorpus.documents())) {
      corpus = s.filter(p -> !p.getFileName().toString().endsWith(".cp500.txt")).sorted().toList();
    }
    long corpusBytes = 0;
    for (Path p : corpus) {
      corpusBytes += Files.size(p);
    }

    // Baseline: contained extraction alone, same files, same limits as the server's defaults.
    ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults(), ChildClasspath.derive(), OcrSupport.detect());
    ContentDetector detector = new ContentDetector();
    long t0 = System.nanoTime();
    for (int pass = 0; pass < passes; pass++) {
      for (Path p : corpus) {
        byte[] content = Files.readAllBytes(p);
        DetectedType type = detector.detect(content);
        extractor.extract(new java.io.ByteArrayInputStream(content), type, text -> {});
      }
    }
    double extractSeconds = (System.nanoTime() - t0) / 1e9;

    VaultServer vault =
        VaultServer.launch(
            database,
            Map.of("VAULT_DOCUMENTS_MAX_UPLOAD_BYTES", Long.toString((bigMiB + 16) * 1024 * 1024)),
            "bench-docs");
    try {
      String token = Tokens.token("bench-lawyer", "LAWYER", "AST-01");
      String subject = createSubject(vault.baseUrl(), token);
      t0 = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        for (Path p : corpus) {
          HttpResponse<String> r =
              new Multipart()
                  .field("type", "COURT")
                  .field("title", "bench")
                  .field("purpose", "LEGAL_PROCEEDING")
                  .file(p.getFileName().toString(), Files.readAllBytes(p))
                  .postTo(vault.baseUrl(), "/api/subjects/" + subject + "/documents", token);
          if (r.statusCode() != 201) {
            throw new IllegalStateException(p + ": " + r.statusCode() + " " + r.body());
          }
        }
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      int docs = passes * corpus.size();
      double mb = passes * corpusBytes / 1e6;
      System.out.printf(
          "uploads  : %d documents, %.1f MB answered in %.1f s = %.2f docs/s, %.3f MB/s"
              + " (extraction runs after commit: see IngestBenchmark)%n",
          docs, mb, ingestSeconds, docs / ingestSeconds, mb / ingestSeconds);
      System.out.printf(
          "extract  : same files, contained Tika alone %.1f s = %.2f docs/s, %.3f MB/s%n",
          extractSeconds, docs / extractSeconds, mb / extractSeconds);
      System.out.printf(
          "ratio    : uploads / extraction alone = %.2f%n", extractSeconds / ingestSeconds);
    } finally {
      vault.stop();
    }
  }

  /**
   * The baseline: the version's stored rows as they are stored, one query per row, over JDBC as the
   * schema owner, doing nothing with the bytes. Returns the bytes read.
   */
  private static long rawRead(Connection c, UUID versionId) throws java.sql.SQLException {
    long raw = 0;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT data FROM content_chunk WHERE version_id = ? AND seq = ?")) {
      ps.setObject(1, versionId);
      for (int seq = 0; ; seq++) {
        ps.setInt(2, seq);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            break;
          }
          raw += rs.getBytes(1).length;
        }
      }
    }
    return raw;
  }

  /**
   * CPU seconds (user + system, from Linux's /proc) of the server, of the PostgreSQL backends
   * serving the benchmark's database (the server's pooled connections and the raw read's) and of
   * this client, between construction and {@link #stop()}; zero elsewhere.
   */
  private static final class Cpu {
    private final long serverPid;
    private final Connection monitor;
    private final long[] backends;
    private final long[] start;
    private long[] used;

    Cpu(long serverPid, Connection monitor) throws java.sql.SQLException {
      this.serverPid = serverPid;
      this.monitor = monitor;
      this.backends = backends();
      this.start = sample();
    }

    /** A backend that has gone by then (a pooled connection replaced) is left out. */
    void stop() {
      long[] end = sample();
      long postgres = 0;
      for (int i = 1; i < end.length - 1; i++) {
        postgres += end[i] > 0 ? end[i] - start[i] : 0;
      }
      used =
          new long[] {end[0] - start[0], postgres, end[end.length - 1] - start[start.length - 1]};
    }

    /** The database's backends other than the monitor's own. */
    private long[] backends() throws java.sql.SQLException {
      try (PreparedStatement ps =
              monitor.prepareStatement(
                  "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND pid <> pg_backend_pid()");
          ResultSet rs = ps.executeQuery()) {
        List<Long> pids = new java.util.ArrayList<>();
        while (rs.next()) {
          pids.add(rs.getLong(1));
        }
        return pids.stream().mapToLong(Long::longValue).toArray();
      }
    }

    /** Server, each backend, client. */
    private long[] sample() {
      long[] t = new long[backends.length + 2];
      t[0] = ticks(serverPid);
      for (int i = 0; i < backends.length; i++) {
        t[i + 1] = ticks(backends[i]);
      }
      t[t.length - 1] = ticks(ProcessHandle.current().pid());
      return t;
    }

    /** User plus system time in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long ticks(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    @Override
    public String toString() {
      return String.format(
          "cpu s: server %.1f, postgres %.1f, client %.1f",
          used[0] / 100.0, used[1] / 100.0, used[2] / 100.0);
    }
  }

  /** Registers a person in AST-01 (a random name) and returns its id; the benchmarks share it. */
  static String createSubject(String base, String token) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/subjects"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\"Bench "
                                + Subjects.randomIin()
                                + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
  }

  /**
   * Compares a stream byte for byte with what {@link Generated} produces, against a precomputed
   * stretch of the repeating line rather than regenerating it byte by byte.
   */
  static final class GeneratedCheck {
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] pattern;
    private final int period = Generated.LINE.length;
    private boolean matched = true;

    GeneratedCheck() {
      pattern = new byte[buffer.length + period];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = Generated.LINE[i % period];
      }
    }

    /** Reads {@code in} to its end; returns the bytes read. */
    long consume(InputStream in) throws IOException {
      long pos = 0;
      for (int r; (r = in.read(buffer)) > 0; ) {
        int from = (int) (pos % period);
        matched &= Arrays.equals(buffer, 0, r, pattern, from, from + r);
        pos += r;
      }
      return pos;
    }

    boolean allMatched() {
      return matched;
    }
  }

  /** Deterministic text of a given size, generated on the fly (never held in memory). */
  static final class Generated extends InputStream {
    private final long size;
    private final MessageDigest digest;
    static final byte[] LINE =
        "The hearing was adjourned; the evaluation continues next week.\n"
            .getBytes(StandardCharsets.US_ASCII);
    private long pos;

    Generated(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = LINE[(int) ((pos + i) % LINE.length)];
      }
      digest.update(b, off, n);
      pos += n;
      return n;
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
