package org.zhusan.vault.bench;

import java.io.IOException;
import java.io.InputStream;
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
 *   <li>end-to-end ingest (HTTP upload → detect → extract → encrypt → store → audit) of the test
 *       corpus, in documents/s and MB/s, next to contained Tika extraction alone on the same files;
 *   <li>a 1 GiB upload and download through a vault running with a 256 MiB heap; download MB/s next
 *       to reading the same stored (encrypted) rows raw over JDBC.
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

    // The large file, through a vault with a 256 MiB heap.
    VaultServer small =
        VaultServer.launch(
            database,
            Map.of("VAULT_DOCUMENTS_MAX_UPLOAD_BYTES", Long.toString((bigMiB + 16) * 1024 * 1024)),
            "bench-docs-256m",
            "256m");
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
          "upload   : %d MiB with a 256 MiB heap in %.1f s = %.1f MB/s%n",
          bigMiB, upSeconds, size / 1e6 / upSeconds);

      byte[] sentDigest = sent.digest();
      String contentUrl =
          small.baseUrl()
              + "/api/documents/"
              + documentId
              + "/versions/1/content?purpose=LEGAL_PROCEEDING";
      // Rounds alternate the raw read and the download so both see the same machine load.
      double[] ratios = new double[rounds];
      double rawTotal = 0;
      double downTotal = 0;
      for (int round = 1; round <= rounds; round++) {
        t0 = System.nanoTime();
        long raw = rawRead(small.jdbcUrl(), UUID.fromString(versionId));
        double rawSeconds = (System.nanoTime() - t0) / 1e9;

        MessageDigest got = MessageDigest.getInstance("SHA-256");
        t0 = System.nanoTime();
        HttpResponse<InputStream> down =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                    HttpRequest.newBuilder(URI.create(contentUrl))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        long received = drain(down.body(), got);
        double downSeconds = (System.nanoTime() - t0) / 1e9;
        boolean same = received == size && MessageDigest.isEqual(sentDigest, got.digest());
        System.out.printf(
            "download : round %d: %d MiB in %.1f s = %.1f MB/s, identical bytes: %s%n",
            round, bigMiB, downSeconds, size / 1e6 / downSeconds, same);
        System.out.printf(
            "raw read : round %d: the same %d encrypted bytes over JDBC in %.1f s = %.1f MB/s%n",
            round, raw, rawSeconds, raw / 1e6 / rawSeconds);
        System.out.printf(
            "ratio    : round %d: download / raw read = %.2f%n", round, rawSeconds / downSeconds);
        if (!same) {
          throw new IllegalStateException("the download differs from the upload");
        }
        ratios[round - 1] = rawSeconds / downSeconds;
        rawTotal += rawSeconds;
        downTotal += downSeconds;
      }
      java.util.Arrays.sort(ratios);
      System.out.printf(
          "ratio    : download / raw read over %d rounds: median %.2f, all rounds %.2f"
              + " (download %.1f MB/s, raw read %.1f MB/s)%n",
          rounds,
          ratios[rounds / 2],
          rawTotal / downTotal,
          rounds * size / 1e6 / downTotal,
          rounds * size / 1e6 / rawTotal);
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
          "ingest   : %d documents, %.1f MB in %.1f s = %.2f docs/s, %.3f MB/s%n",
          docs, mb, ingestSeconds, docs / ingestSeconds, mb / ingestSeconds);
      System.out.printf(
          "extract  : same files, contained Tika alone %.1f s = %.2f docs/s, %.3f MB/s%n",
          extractSeconds, docs / extractSeconds, mb / extractSeconds);
      System.out.printf(
          "ratio    : ingest / extraction alone = %.2f%n", extractSeconds / ingestSeconds);
    } finally {
      vault.stop();
    }
  }

  /**
   * The baseline: the version's stored rows, exactly as the server reads them (one query per row),
   * over JDBC as the schema owner, doing nothing with the bytes. Returns the bytes read.
   */
  private static long rawRead(String jdbcUrl, UUID versionId) throws java.sql.SQLException {
    long raw = 0;
    try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, VaultServer.OWNER, "");
        PreparedStatement ps =
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

  private static String createSubject(String base, String token) throws Exception {
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

  private static long drain(InputStream in, MessageDigest digest) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    for (int r; (r = in.read(buf)) > 0; ) {
      digest.update(buf, 0, r);
      n += r;
    }
    return n;
  }

  /** Deterministic text of a given size, generated on the fly (never held in memory). */
  static final class Generated extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private final byte[] line =
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
        b[off + i] = line[(int) ((pos + i) % line.length)];
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
