package org.zhusan.vault.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Ingest at the parser's speed (issue #17), each figure next to its baseline from the same run:
 *
 * <ol>
 *   <li><b>Baseline</b>: warm in-process Tika ({@link AutoDetectParser}, one thread, after at least
 *       {@value #BASELINE_WARM_UP_PASSES} warm-up passes) over the test corpus: documents/s, the
 *       median of three rounds.
 *   <li><b>End-to-end ingest</b> of the same corpus through a vault: HTTP upload → detect → encrypt
 *       → store → audit → commit, then (after commit) extract in a warm contained child → index;
 *       counted when the last document is indexed (the extraction queue is empty). Documents/s and
 *       the ratio to the baseline.
 *   <li><b>Upload latency</b> of a 1 MB PDF (p50, p95 over 40 uploads, while their extraction runs
 *       behind them).
 * </ol>
 *
 * OCR is off on both sides, so that both read the same text (the corpus's images would otherwise be
 * OCR'd by one and not the other). Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench
 * test -Dbench.main=org.zhusan.vault.bench.IngestBenchmark -Dbench.args="5 4 1"} (corpus passes,
 * uploading clients, warm-up passes through the vault before the measured ones: more of them let
 * the server's and the children's JIT settle). The vault's database is {@code zhusan_bench_ingest}
 * (dropped and created), or the one named by the environment variable {@code BENCH_INGEST_DB}, so
 * that two checkouts on one machine can run it side by side.
 *
 * <p>Besides documents/s it prints where the CPU went, per document: server, extraction children
 * (each split into JIT compilation, GC and safepoints, and work), PostgreSQL and this client.
 */
public final class IngestBenchmark {
  /** The least warm-up the in-process baseline gets, whatever the vault's warm-up. */
  static final int BASELINE_WARM_UP_PASSES = 40;

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int warmUpPasses = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String database = System.getenv().getOrDefault("BENCH_INGEST_DB", "zhusan_bench_ingest");
    System.setProperty(
        "vault.repo.root", System.getProperty("vault.repo.root", System.getProperty("user.dir")));
    List<byte[]> corpus = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(org.zhusan.vault.it.TestCorpus.documents())) {
      for (Path p :
          s.filter(p -> !p.getFileName().toString().endsWith(".cp500.txt")).sorted().toList()) {
        corpus.add(Files.readAllBytes(p));
        names.add(p.getFileName().toString());
      }
    }
    int docs = passes * corpus.size();

    // 1. Warm in-process Tika, one thread. Its JIT settles late (the same code measured 73 and
    // 144 documents/s after 20 warm-up passes in two runs an hour apart), so it gets at least
    // BASELINE_WARM_UP_PASSES, then three measured rounds: the median round is the baseline.
    AutoDetectParser parser = new AutoDetectParser();
    int baselineWarmUp = Math.max(warmUpPasses, BASELINE_WARM_UP_PASSES);
    for (int pass = 0; pass < baselineWarmUp; pass++) {
      inProcess(parser, corpus);
    }
    double[] rounds = new double[3];
    for (int round = 0; round < rounds.length; round++) {
      long start = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        inProcess(parser, corpus);
      }
      rounds[round] = (System.nanoTime() - start) / 1e9;
    }
    double[] sortedRounds = rounds.clone();
    java.util.Arrays.sort(sortedRounds);
    double tikaSeconds = sortedRounds[1];

    Map<String, String> env =
        new java.util.HashMap<>(
            // children live through the whole run, so their CPU is counted
            Map.of(
                "VAULT_EXTRACTION_OCR", "false", "VAULT_EXTRACTION_DOCUMENTS_PER_CHILD", "10000"));
    // e.g. BENCH_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/ingest.jfr to profile it
    String serverOpts = System.getenv("BENCH_SERVER_JAVA_OPTS");
    if (serverOpts != null) {
      env.put("JAVA_TOOL_OPTIONS", serverOpts);
    }
    VaultServer vault = VaultServer.launch(database, env, "bench-ingest");
    try {
      String token = Tokens.token("bench-lawyer", "LAWYER", "AST-01");
      String subject = DocumentThroughputBenchmark.createSubject(vault.baseUrl(), token);
      // Warm-up: the children's JIT sees every parser at least once.
      for (int pass = 0; pass < warmUpPasses; pass++) {
        for (int i = 0; i < corpus.size(); i++) {
          upload(vault, token, subject, names.get(i), corpus.get(i));
        }
      }
      awaitQueueEmpty(vault);

      // 2. End-to-end ingest, counted when indexed.
      // An archive import uploads from several clients at once: each takes every clients-th file.
      CpuAccount cpu = new CpuAccount(vault.pid());
      java.time.Instant ingestStarted = java.time.Instant.now();
      System.out.println("ingest   : warm-up done, measuring from " + ingestStarted);
      long t0 = System.nanoTime();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(clients);
      List<java.util.concurrent.Future<?>> uploads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        uploads.add(
            pool.submit(
                () -> {
                  for (int n = client; n < docs; n += clients) {
                    int i = n % corpus.size();
                    upload(vault, token, subject, names.get(i), corpus.get(i));
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : uploads) {
        f.get();
      }
      pool.shutdown();
      double uploadedSeconds = (System.nanoTime() - t0) / 1e9;
      awaitQueueEmpty(vault);
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      java.time.Instant ingestEnded = java.time.Instant.now();
      cpu.stop();

      // 3. Upload latency of a 1 MB PDF.
      byte[] pdf = onePdf(1_000_000);
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < 45; i++) {
        long s = System.nanoTime();
        upload(vault, token, subject, "ruling.pdf", pdf);
        if (i >= 5) {
          millis.add((System.nanoTime() - s) / 1e6);
        }
      }
      awaitQueueEmpty(vault);
      Collections.sort(millis);

      System.out.printf(
          "baseline : warm in-process Tika, 1 thread, %d warm-up passes: %d documents in %.2f s ="
              + " %.1f docs/s (median of three rounds: %.1f / %.1f / %.1f docs/s)%n",
          baselineWarmUp,
          docs,
          tikaSeconds,
          docs / tikaSeconds,
          docs / rounds[0],
          docs / rounds[1],
          docs / rounds[2]);
      System.out.printf(
          "ingest   : HTTP → store → audit → commit → extract → index, %d clients, %d warm-up"
              + " passes: %d documents indexed in %.2f s = %.1f docs/s (all uploads answered after"
              + " %.2f s)%n",
          clients, warmUpPasses, docs, ingestSeconds, docs / ingestSeconds, uploadedSeconds);
      System.out.printf(
          "ratio    : ingest / warm in-process Tika = %.2f%n", tikaSeconds / ingestSeconds);
      System.out.println("ingest   : " + cpu);
      System.out.println("ingest   : " + cpu.perDocument(docs));
      // to cut a profile of the server (BENCH_SERVER_JAVA_OPTS) to the measured phase
      System.out.println("ingest   : measured from " + ingestStarted + " to " + ingestEnded);
      System.out.printf(
          "upload   : 1 MB PDF (%d bytes), 40 uploads: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
          pdf.length,
          millis.get(millis.size() / 2),
          millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
          millis.get(millis.size() - 1));
    } finally {
      vault.stop();
    }
  }

  private static void inProcess(AutoDetectParser parser, List<byte[]> corpus) throws Exception {
    for (byte[] doc : corpus) {
      ParseContext context = new ParseContext();
      TesseractOCRConfig ocr = new TesseractOCRConfig();
      ocr.setSkipOcr(true);
      context.set(TesseractOCRConfig.class, ocr);
      try {
        parser.parse(
            new ByteArrayInputStream(doc), new BodyContentHandler(-1), new Metadata(), context);
      } catch (Exception e) {
        // a document Tika cannot parse costs what it costs, in both runs
      }
    }
  }

  /**
   * One upload as a browser sends it: the whole form with a {@code Content-Length}, over a
   * kept-alive connection ({@link HttpURLConnection}), instead of the chunked body the JDK's {@code
   * java.net.http} client sends for an {@code InputStream}. (The client's CPU per document did not
   * change measurably with it: 5.5–9 ms before and after, most of it this JVM's JIT, which also ran
   * the in-process baseline.)
   */
  private static void upload(
      VaultServer vault, String token, String subject, String name, byte[] content)
      throws Exception {
    Multipart form =
        new Multipart()
            .field("type", "COURT")
            .field("title", "bench")
            .field("purpose", "LEGAL_PROCEEDING")
            .file(name, content);
    byte[] body = form.bytes();
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create(vault.baseUrl() + "/api/subjects/" + subject + "/documents")
                .toURL()
                .openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(body.length);
    c.setRequestProperty("Authorization", "Bearer " + token);
    c.setRequestProperty("Content-Type", form.contentType());
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    // Read to the end and close, so that the connection is kept alive for the next upload.
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      byte[] answer = in == null ? new byte[0] : in.readAllBytes();
      if (status != 201) {
        throw new IllegalStateException(
            name + ": " + status + " " + new String(answer, StandardCharsets.UTF_8));
      }
    }
  }

  private static void awaitQueueEmpty(VaultServer vault) throws Exception {
    try (Connection c = vault.ownerConnection();
        Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet rs =
            s.executeQuery("SELECT count(*) FROM version_extraction WHERE state = 'PENDING'")) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
  }

  /** A text PDF of about {@code bytes} bytes (pages of words; uncompressed streams). */
  static byte[] onePdf(int bytes) throws Exception {
    Random random = new Random(17);
    String[] words = {"court", "ruling", "custody", "appeal", "evidence", "witness", "guardian"};
    try (PDDocument doc = new PDDocument()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int page = 0;
      while (out.size() < bytes) {
        PDPage p = new PDPage();
        doc.addPage(p);
        try (PDPageContentStream cs =
            new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, false)) {
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
          for (int line = 0; line < 70; line++) {
            cs.beginText();
            cs.newLineAtOffset(40, 760 - line * 10);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 14; w++) {
              text.append(words[random.nextInt(words.length)]).append(' ');
            }
            cs.showText(text.toString());
            cs.endText();
          }
        }
        if (++page % 10 == 0) {
          out.reset();
          doc.save(out);
        }
      }
      out.reset();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
