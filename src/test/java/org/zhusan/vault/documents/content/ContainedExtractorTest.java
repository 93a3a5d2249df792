package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.documents.content.ExtractionResult.Reason;
import org.zhusan.vault.documents.content.ExtractionResult.Status;

class ContainedExtractorTest {
  private static final List<Path> CLASSPATH = ChildClasspath.derive();
  private static final ContainedExtractor EXTRACTOR =
      new ContainedExtractor(ExtractionLimits.defaults(), CLASSPATH, OcrSupport.disabled());
  private static final ContentDetector DETECTOR = new ContentDetector();
  private static final MediaTypePolicy POLICY = MediaTypePolicy.defaults();
  private static final Set<String> REASONS =
      Arrays.stream(Reason.values()).map(Reason::description).collect(Collectors.toSet());

  /** Text and outcome of one run. */
  record Run(ExtractionResult result, String text, long millis) {}

  private static Run extract(ContainedExtractor extractor, byte[] content, DetectedType type)
      throws IOException {
    StringBuilder text = new StringBuilder();
    long start = System.nanoTime();
    ExtractionResult result =
        extractor.extract(new ByteArrayInputStream(content), type, text::append);
    Run run = new Run(result, text.toString(), (System.nanoTime() - start) / 1_000_000);
    assertClean(run);
    return run;
  }

  private static Run extract(byte[] content) throws IOException {
    return extract(EXTRACTOR, content, DETECTOR.detect(content));
  }

  private static void assertClean(Run run) {
    ExtractionResult r = run.result();
    if (r.status() == Status.EXTRACTED) {
      assertEquals("", r.reason());
    } else {
      assertTrue(REASONS.contains(r.reason()), "reason must be a fixed text: " + r.reason());
    }
    assertEquals(run.text().length(), r.charactersExtracted());
  }

  private static void assertNotIndexed(Run run, Reason... allowed) {
    assertEquals(Status.NOT_INDEXED, run.result().status(), run.result().toString());
    assertTrue(
        Arrays.asList(allowed).contains(run.result().reasonCode().orElseThrow()),
        "unexpected reason: " + run.result().reason());
  }

  @Test
  void extractsKnownWordsFromWordDocument() throws Exception {
    Run run = extract(Files.readAllBytes(Corpus.document("testWORD.docx")));
    assertEquals(Status.EXTRACTED, run.result().status());
    assertTrue(run.text().contains("Sample Word Document"), run.text());
    assertTrue(run.text().contains("Heading Level 1"), run.text());
    assertTrue(
        run.result().metadata().get("Content-Type").startsWith(ContentDetectorTest.DOCX),
        run.result().metadata().toString());
  }

  @Test
  void extractsKnownWordsFromPdf() throws Exception {
    Run run = extract(Files.readAllBytes(Corpus.document("testPDF.pdf")));
    assertEquals(Status.EXTRACTED, run.result().status());
    assertTrue(run.text().contains("Content Analysis Toolkit"), run.text());
    assertTrue(run.text().contains("Apache Tika is a toolkit"), run.text());
    assertEquals("application/pdf", run.result().metadata().get("Content-Type"));
  }

  @Test
  void everyCorpusDocumentIsExtractedOrAwaitsOcr() throws Exception {
    List<Path> files =
        Corpus.files(Corpus.documents()).stream()
            .filter(f -> !f.getFileName().toString().equals("english.cp500.txt"))
            .collect(Collectors.toList());
    Map<String, Run> runs = inParallel(files, f -> extract(Files.readAllBytes(f)));
    for (Path file : files) {
      String name = file.getFileName().toString();
      Run run = runs.get(name);
      String type = DETECTOR.detect(file).mediaType();
      if (type.startsWith("image/")) {
        assertNotIndexed(run, Reason.OCR_UNAVAILABLE);
        assertFalse(run.result().metadata().isEmpty(), name + " keeps its metadata");
      } else if (run.result().status() == Status.NOT_INDEXED) {
        // a PDF without any text is a scan: it waits for OCR too
        assertEquals("application/pdf", type, name + ": " + run.result().reason());
        assertNotIndexed(run, Reason.OCR_UNAVAILABLE);
        assertTrue(run.text().isBlank(), name);
      } else {
        assertFalse(run.text().isBlank(), name + " has text");
      }
    }
  }

  @Test
  void everyHostileCorpusFileEndsCleanlyWithinTheTimeoutAndLeavesTheHeapAlone() throws Exception {
    long heapBefore = usedHeapAfterGc();
    List<Path> files = Corpus.files(Corpus.hostile());
    Map<String, Run> runs =
        inParallel(
            files,
            f -> {
              byte[] bytes = Files.readAllBytes(f);
              DetectedType type = DETECTOR.detect(bytes);
              // Extract even what the policy refuses (CHM, ZIP, XML): the child must contain it.
              return extract(EXTRACTOR, bytes, type);
            });
    long timeout = ExtractionLimits.defaults().timeout().toMillis();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Run run = runs.get(name);
      assertTrue(run.millis() < timeout + 10_000, name + " took " + run.millis() + " ms");
      assertFalse(run.text().contains("root:"), name);
    }
    assertNotIndexed(runs.get("testPassword4Spaces.pdf"), Reason.ENCRYPTED);
    assertNotIndexed(runs.get("testODTEncrypted.odt"), Reason.ENCRYPTED);
    assertNotIndexed(runs.get("testChm_oom.chm"), Reason.PARSE_ERROR, Reason.OUT_OF_MEMORY);
    assertEquals(Status.EXTRACTED, runs.get("testWORD_totalTimeOutOfRange.docx").result().status());
    Run recursive = runs.get("test_recursive_embedded.docx");
    assertEquals(Status.EXTRACTED, recursive.result().status());
    assertTrue(recursive.text().contains("embed_0"), recursive.text());
    long heapAfter = usedHeapAfterGc();
    assertTrue(
        heapAfter - heapBefore < 32L * 1024 * 1024,
        "parent heap grew from " + heapBefore + " to " + heapAfter);
  }

  @Test
  void embeddedDocumentsBelowTheDepthLimitAreSkippedAndNoted() throws Exception {
    byte[] recursive = Files.readAllBytes(Corpus.hostile().resolve("test_recursive_embedded.docx"));
    ContainedExtractor shallow =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxEmbeddedDepth(1), CLASSPATH, OcrSupport.disabled());
    Run deep = extract(recursive);
    Run limited = extract(shallow, recursive, DETECTOR.detect(recursive));
    assertEquals(Status.EXTRACTED, limited.result().status());
    assertTrue(limited.text().length() < deep.text().length(), limited.text());
    assertEquals("true", limited.result().metadata().get("X-Vault:embedded-depth-limit-reached"));
  }

  @Test
  void executableDeclaredAsPdfIsNeverParsed() throws Exception {
    Run run = extract(EXTRACTOR, Fixtures.elfExecutable(), new DetectedType("application/pdf"));
    assertNotIndexed(run, Reason.TYPE_MISMATCH);
    assertEquals("application/x-executable", run.result().metadata().get("Content-Type"));
  }

  @Test
  void docxZipBombIsNotIndexedWithinTheTimeout() throws Exception {
    byte[] bomb = Fixtures.docxBomb(300);
    AtomicLong delivered = new AtomicLong();
    long start = System.nanoTime();
    ExtractionResult result =
        EXTRACTOR.extract(
            new ByteArrayInputStream(bomb),
            DETECTOR.detect(bomb),
            chunk -> delivered.addAndGet(chunk.length()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Status.NOT_INDEXED, result.status());
    assertTrue(
        Set.of(Reason.TEXT_LIMIT, Reason.ZIP_BOMB).contains(result.reasonCode().orElseThrow()),
        result.reason());
    assertTrue(delivered.get() <= ExtractionLimits.defaults().maxCharacters());
    assertTrue(millis < ExtractionLimits.defaults().timeout().toMillis(), millis + " ms");
  }

  @Test
  void docxZipBombTripsTheCompressionRatioWhenTextIsAllowed() throws Exception {
    byte[] bomb = Fixtures.docxBomb(300);
    ContainedExtractor generous =
        new ContainedExtractor(
            ExtractionLimits.defaults()
                .withMaxCharacters(500_000_000)
                .withCompression(10, 1_000_000),
            CLASSPATH,
            OcrSupport.disabled());
    AtomicLong delivered = new AtomicLong();
    ExtractionResult result =
        generous.extract(
            new ByteArrayInputStream(bomb),
            DETECTOR.detect(bomb),
            chunk -> delivered.addAndGet(chunk.length()));
    assertEquals(Reason.ZIP_BOMB, result.reasonCode().orElseThrow(), result.toString());
  }

  @Test
  void hugeXmlAttributeExhaustsOnlyTheChildsHeap() throws Exception {
    byte[] bomb =
        Fixtures.zip(
            out -> {
              Fixtures.entry(out, "[Content_Types].xml", Fixtures.CONTENT_TYPES);
              Fixtures.entry(out, "_rels/.rels", Fixtures.RELS);
              out.putNextEntry(new ZipEntry("word/document.xml"));
              out.write(
                  (Fixtures.DOCUMENT_START + "<w:p w:rsidR=\"").getBytes(StandardCharsets.UTF_8));
              byte[] a = new byte[1024 * 1024];
              Arrays.fill(a, (byte) 'A');
              Fixtures.repeat(out, a, 200);
              out.write(("\"/>" + Fixtures.DOCUMENT_END).getBytes(StandardCharsets.UTF_8));
              out.closeEntry();
            });
    ContainedExtractor small =
        new ContainedExtractor(
            ExtractionLimits.defaults().withChildHeapMiB(64), CLASSPATH, OcrSupport.disabled());
    long heapBefore = usedHeapAfterGc();
    Run run = extract(small, bomb, DETECTOR.detect(bomb));
    assertNotIndexed(run, Reason.OUT_OF_MEMORY);
    assertTrue(usedHeapAfterGc() - heapBefore < 32L * 1024 * 1024);
  }

  @Test
  void truncatedPdfIsNotIndexed() throws Exception {
    byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
    for (double fraction : new double[] {0.05, 0.5, 0.95}) {
      Run run = extract(Fixtures.truncated(pdf, fraction));
      assertNotIndexed(run, Reason.TRUNCATED, Reason.PARSE_ERROR);
    }
  }

  @Test
  void xxeInDocxDoesNotLeakLocalFiles() throws Exception {
    Run run = extract(Fixtures.docxWithXxe());
    List<String> secrets =
        Files.readAllLines(Path.of("/etc/passwd")).stream()
            .filter(l -> l.length() > 8)
            .collect(Collectors.toList());
    String everything = run.text() + run.result().metadata();
    for (String line : secrets) {
      assertFalse(everything.contains(line), "leaked: " + line);
    }
    assertFalse(everything.contains("root:"));
    if (run.result().extracted()) {
      assertTrue(run.text().contains("Before the entity"), run.text());
    }
  }

  @Test
  void emptyInputIsNotIndexedAsEmpty() throws Exception {
    Run run = extract(EXTRACTOR, new byte[0], new DetectedType("text/plain"));
    assertNotIndexed(run, Reason.EMPTY);
    assertEquals("empty document", run.result().reason());
  }

  @Test
  void plainTextInRussianAndKazakhComesBackIntact() throws Exception {
    String text = "Сот шешімі: Қазақстан Республикасының атынан. Решение суда. 🙂\n".repeat(3000);
    Run run = extract(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(Status.EXTRACTED, run.result().status());
    assertEquals(text.strip(), run.text().strip());
  }

  @Test
  void stalledChildIsKilledAtTheTimeout() throws Exception {
    ContainedExtractor quick =
        new ContainedExtractor(
            ExtractionLimits.defaults().withTimeout(Duration.ofSeconds(3)),
            CLASSPATH,
            OcrSupport.disabled());
    InputStream stalling =
        new StallingStream("a little text".getBytes(StandardCharsets.UTF_8), 6_000);
    long start = System.nanoTime();
    ExtractionResult result = quick.extract(stalling, new DetectedType("text/plain"), chunk -> {});
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Reason.TIMEOUT, result.reasonCode().orElseThrow(), result.toString());
    assertTrue(millis >= 3_000 && millis < 15_000, millis + " ms");
    assertEquals(-1, stalling.read(), "the input is read to its end");
  }

  @Test
  void inputLimitIsEnforcedAndTheInputIsStillReadToItsEnd() throws Exception {
    byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
    ContainedExtractor small =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxInputBytes(10_000),
            CLASSPATH,
            OcrSupport.disabled());
    ByteArrayInputStream in = new ByteArrayInputStream(pdf);
    ExtractionResult result = small.extract(in, DETECTOR.detect(pdf), chunk -> {});
    assertEquals(Reason.INPUT_LIMIT, result.reasonCode().orElseThrow(), result.toString());
    assertEquals(0, in.available());
  }

  @Test
  void textLimitIsEnforced() throws Exception {
    byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
    ContainedExtractor small =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxCharacters(100), CLASSPATH, OcrSupport.disabled());
    Run run = extract(small, pdf, DETECTOR.detect(pdf));
    assertNotIndexed(run, Reason.TEXT_LIMIT);
    assertTrue(run.text().length() <= 100);
  }

  @Test
  void noMoreChildrenRunAtOnceThanAllowed() throws Exception {
    ContainedExtractor one =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxConcurrentChildren(1),
            CLASSPATH,
            OcrSupport.disabled());
    byte[] docx = Files.readAllBytes(Corpus.document("testWORD.docx"));
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger most = new AtomicInteger();
    Set<Long> before =
        ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                most.accumulateAndGet(
                    (int)
                        ProcessHandle.current()
                            .children()
                            .filter(ProcessHandle::isAlive)
                            .filter(p -> !before.contains(p.pid()))
                            .count(),
                    Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> extract(one, docx, DETECTOR.detect(docx))));
      }
      for (Future<Run> run : runs) {
        assertEquals(Status.EXTRACTED, run.get().result().status());
      }
    } finally {
      done.set(true);
      pool.shutdownNow();
      sampler.join();
      one.close();
    }
    assertEquals(1, most.get());
    assertEquals(1, one.childrenStarted(), "one warm child took all three documents");
  }

  @Test
  void callersBeyondTheChildLimitGetBusyAfterTheTimeout() throws Exception {
    ContainedExtractor one =
        new ContainedExtractor(
            ExtractionLimits.defaults()
                .withMaxConcurrentChildren(1)
                .withTimeout(Duration.ofSeconds(2)),
            CLASSPATH,
            OcrSupport.disabled());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ExtractionResult> holder =
          pool.submit(
              () ->
                  one.extract(
                      new StallingStream(new byte[] {'x'}, 6_000),
                      new DetectedType("text/plain"),
                      chunk -> {}));
      Thread.sleep(500);
      ByteArrayInputStream second =
          new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8));
      ExtractionResult busy = one.extract(second, new DetectedType("text/plain"), chunk -> {});
      assertEquals(Reason.BUSY, busy.reasonCode().orElseThrow());
      assertEquals(0, second.available(), "the input is read to its end");
      assertEquals(Reason.TIMEOUT, holder.get().reasonCode().orElseThrow());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failureOfTheCallersStreamIsThrownAsIoException() {
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(new byte[100_000])) {
          private int reads;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (++reads > 1) {
              throw new IOException("decryption failed");
            }
            return super.read(b, off, Math.min(len, 1000));
          }
        };
    IOException e =
        assertThrows(
            IOException.class,
            () -> EXTRACTOR.extract(failing, new DetectedType("text/plain"), chunk -> {}));
    assertEquals("decryption failed", e.getMessage());
  }

  @Test
  void nothingSpooledOutlivesItsDocumentAndClosingRemovesTheChildsDirectory(@TempDir Path spool)
      throws Exception {
    ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxConcurrentChildren(1),
            CLASSPATH,
            OcrSupport.disabled(),
            spool,
            Thread::new);
    for (String name : new String[] {"testPDF.pdf", "testWORD.doc", "testWORD.docx"}) {
      byte[] bytes = Files.readAllBytes(Corpus.document(name));
      assertEquals(
          Status.EXTRACTED, extract(extractor, bytes, DETECTOR.detect(bytes)).result().status());
      try (Stream<Path> left = Files.walk(spool)) {
        assertEquals(
            List.of(),
            left.filter(Files::isRegularFile).collect(Collectors.toList()),
            "after " + name);
      }
    }
    extractor.close();
    try (Stream<Path> left = Files.list(spool)) {
      assertEquals(List.of(), left.collect(Collectors.toList()));
    }
  }

  @Test
  void aWarmChildTakesDocumentAfterDocumentAndIsRecycledAfterItsQuota() throws Exception {
    try (ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxConcurrentChildren(1).withDocumentsPerChild(3),
            CLASSPATH,
            OcrSupport.disabled())) {
      byte[] docx = Files.readAllBytes(Corpus.document("testWORD.docx"));
      byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
      for (int i = 0; i < 7; i++) {
        byte[] doc = i % 2 == 0 ? docx : pdf;
        Run run = extract(extractor, doc, DETECTOR.detect(doc));
        assertEquals(Status.EXTRACTED, run.result().status(), run.result().toString());
        assertFalse(run.text().isBlank());
      }
      assertEquals(3, extractor.childrenStarted(), "7 documents, 3 per child");
    }
  }

  @Test
  void aChildKilledMidDocumentEndsThatDocumentAndTheNextOneSucceedsInANewChild() throws Exception {
    try (ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxConcurrentChildren(1),
            CLASSPATH,
            OcrSupport.disabled())) {
      byte[] docx = Files.readAllBytes(Corpus.document("testWORD.docx"));
      assertEquals(
          Status.EXTRACTED, extract(extractor, docx, DETECTOR.detect(docx)).result().status());
      List<ProcessHandle> warm = extractor.idleChildren();
      assertEquals(1, warm.size());
      ExecutorService killer = Executors.newSingleThreadExecutor();
      try {
        // The document stalls mid-way; meanwhile its child is killed from outside.
        Future<?> kill =
            killer.submit(
                () -> {
                  Thread.sleep(1_000);
                  return warm.get(0).destroyForcibly();
                });
        ExtractionResult killed =
            extractor.extract(
                new StallingStream("half a document".getBytes(StandardCharsets.UTF_8), 3_000),
                new DetectedType("text/plain"),
                chunk -> {});
        kill.get();
        assertEquals(Reason.CRASHED, killed.reasonCode().orElseThrow(), killed.toString());
      } finally {
        killer.shutdownNow();
      }
      Run next = extract(extractor, docx, DETECTOR.detect(docx));
      assertEquals(Status.EXTRACTED, next.result().status(), next.result().toString());
      assertEquals(2, extractor.childrenStarted());
    }
  }

  @Test
  void longScansAreReadPageByPageWithProgress() throws Exception {
    OcrSupport ocr = OcrSupport.detect();
    org.junit.jupiter.api.Assumptions.assumeTrue(ocr.enabled(), "tesseract is not installed");
    try (ContainedExtractor reader =
        new ContainedExtractor(
            ExtractionLimits.defaults().withMaxConcurrentChildren(1), CLASSPATH, ocr)) {
      for (byte[] scan :
          List.of(
              org.zhusan.vault.it.ScanFixtures.scannedPdf("Ruling", 6),
              org.zhusan.vault.it.ScanFixtures.multiPageTiff("Ruling", 4))) {
        DetectedType type = DETECTOR.detect(scan);
        List<String> progress = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        ExtractionResult result =
            reader.extract(
                new ByteArrayInputStream(scan),
                type,
                text::append,
                (done, total) -> progress.add(done + "/" + total));
        assertEquals(Status.EXTRACTED, result.status(), type + " " + result);
        int pages = type.mediaType().equals("image/tiff") ? 4 : 6;
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
          expected.add(n + "/" + pages);
          assertTrue(text.toString().contains("Ruling " + n), type + ": page " + n + " in " + text);
        }
        assertEquals(expected, progress);
      }
    }
  }

  @Test
  void afterATimeoutTheNextDocumentIsExtractedByAFreshChild() throws Exception {
    try (ContainedExtractor quick =
        new ContainedExtractor(
            ExtractionLimits.defaults()
                .withMaxConcurrentChildren(1)
                .withTimeout(Duration.ofSeconds(8)),
            CLASSPATH,
            OcrSupport.disabled())) {
      byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
      assertEquals(Status.EXTRACTED, extract(quick, pdf, DETECTOR.detect(pdf)).result().status());
      ExtractionResult stalled =
          quick.extract(
              new StallingStream("x".getBytes(StandardCharsets.UTF_8), 10_000),
              new DetectedType("text/plain"),
              chunk -> {});
      assertEquals(Reason.TIMEOUT, stalled.reasonCode().orElseThrow());
      assertEquals(Status.EXTRACTED, extract(quick, pdf, DETECTOR.detect(pdf)).result().status());
      assertEquals(2, quick.childrenStarted());
    }
  }

  @Test
  void staleDirectoriesOfEarlierRunsAreRemovedButFreshOnesAreKept(@TempDir Path spool)
      throws Exception {
    ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults(), CLASSPATH, OcrSupport.disabled(), spool, Thread::new);
    Path stale = Files.createDirectories(spool.resolve("zhusan-extract-123/tmp"));
    Files.writeString(stale.resolve("spooled.pdf"), "plaintext");
    Files.setLastModifiedTime(
        stale.getParent(),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Path fresh = Files.createDirectories(spool.resolve("zhusan-extract-456"));
    // A live vault's directory is kept however old; a dead vault's goes however new.
    Path live =
        Files.createDirectories(
            spool.resolve("zhusan-extract-" + ProcessHandle.current().pid() + "-789"));
    Files.setLastModifiedTime(
        live, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    Path dead =
        Files.createDirectories(spool.resolve("zhusan-extract-" + exited.pid() + "-790/tmp"));
    Path other = Files.createDirectories(spool.resolve("someone-else"));
    Files.setLastModifiedTime(
        other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertEquals(2, extractor.removeStaleDirectories());
    assertFalse(Files.exists(stale.getParent()));
    assertFalse(Files.exists(dead.getParent()));
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(fresh));
    assertTrue(Files.exists(other));
  }

  @Test
  void unusableClasspathGivesStartFailedNotAnException(@TempDir Path empty) throws Exception {
    ContainedExtractor broken =
        new ContainedExtractor(ExtractionLimits.defaults(), List.of(empty), OcrSupport.disabled());
    Run run =
        extract(broken, "text".getBytes(StandardCharsets.UTF_8), new DetectedType("text/plain"));
    assertNotIndexed(run, Reason.START_FAILED);
  }

  /** Yields its bytes, then blocks for a while before reporting the end. */
  static final class StallingStream extends InputStream {
    private final ByteArrayInputStream bytes;
    private final long stallMillis;
    private boolean stalled;

    StallingStream(byte[] bytes, long stallMillis) {
      this.bytes = new ByteArrayInputStream(bytes);
      this.stallMillis = stallMillis;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = bytes.read(b, off, len);
      if (n != -1) {
        return n;
      }
      if (!stalled) {
        stalled = true;
        try {
          Thread.sleep(stallMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
      }
      return -1;
    }
  }

  interface Task {
    Run run(Path file) throws Exception;
  }

  private static Map<String, Run> inParallel(List<Path> files, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<Run>> futures = new ConcurrentHashMap<>();
      for (Path file : files) {
        futures.put(file.getFileName().toString(), pool.submit(() -> task.run(file)));
      }
      Map<String, Run> runs = new ConcurrentHashMap<>();
      for (Map.Entry<String, Future<Run>> e : futures.entrySet()) {
        runs.put(e.getKey(), e.getValue().get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
