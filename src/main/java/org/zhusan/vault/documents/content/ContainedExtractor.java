package org.zhusan.vault.documents.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.zhusan.vault.documents.content.ChildProtocol.Frame;
import org.zhusan.vault.documents.content.ExtractionResult.Reason;

/**
 * Extracts text and metadata from a document with Apache Tika in a separate, disposable JVM, so
 * that a hostile file — zip bomb, parser exploit, endless loop, memory exhaustion — can exhaust
 * only that child, never the vault's heap or threads.
 *
 * <h2>How a document is extracted</h2>
 *
 * <ol>
 *   <li>A permit is taken from a semaphore ({@link ExtractionLimits#maxConcurrentChildren}, default
 *       2); a caller waits at most the timeout for one, then gets "extractor busy".
 *   <li>A private directory (mode 700) is created under the spool root, by default {@code /dev/shm}
 *       (memory, not disk) when it exists, else {@code java.io.tmpdir}.
 *   <li>A child JVM is started with the vault's own {@code java} ({@code java.home}), the given
 *       classpath, {@code -Xmx} = child heap, {@code -XX:+ExitOnOutOfMemoryError}, no heap or core
 *       dumps, {@code java.io.tmpdir}, {@code user.home} and working directory set to the private
 *       directory, an empty environment (only {@code PATH} to tesseract when OCR is on), external
 *       XML access disabled and a dead SOCKS proxy so stray network connections fail. Its main
 *       class is {@link ExtractionChild}.
 *   <li>A feeder thread (from the given {@link ThreadFactory}) copies the caller's stream into the
 *       child's stdin, at most {@code maxInputBytes + 1} bytes; the calling thread reads the
 *       child's stdout ({@link ChildProtocol} frames) and hands text chunks to the caller's sink,
 *       counting characters against the limit itself as well.
 *   <li>A watchdog kills the child (and any process it started, e.g. tesseract) when the wall-clock
 *       timeout expires. The outcome is decided, the child is killed if still alive, and the
 *       private directory is deleted.
 * </ol>
 *
 * <p>The document travels only through pipes: the vault writes nothing to disk. Inside the child,
 * some Tika parsers (PDF, OLE2, OOXML) copy their input to a temporary file in the private
 * directory — on tmpfs by default — which is deleted when the run ends (see {@code
 * docs/extraction.md} for the residual risk).
 *
 * <h2>Why a child JVM of our own</h2>
 *
 * Tika 3.3.1 offers {@code ForkParser} and {@code tika-pipes}. {@code ForkParser} proxies every SAX
 * event and the input stream over object serialization, needs a serializable parser (or bootstraps
 * classes from the parent's class loader — fragile under Payara's web-application class loaders),
 * and its timeouts are pulse-based rather than a hard wall clock. {@code tika-pipes} fetches input
 * through a {@code Fetcher} (a file, URL or store), which would mean plaintext on disk. Our own
 * child is a few hundred lines: the input is a pipe, the limits are JVM flags and a kill, and the
 * protocol is four frame types the vault validates as untrusted input. One child per document costs
 * JVM start-up (see {@code docs/extraction.md} for measured figures) but no state survives from one
 * hostile document to the next.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Problems of the document never throw: they give {@link ExtractionResult.Status#NOT_INDEXED}
 *       with a fixed {@link Reason}. {@link IOException} is thrown only when reading the caller's
 *       own stream fails (e.g. its decryption fails), and runtime exceptions only from the caller's
 *       sink.
 *   <li>The input stream is always read to its end, even when extraction stops early, so a stream
 *       that tees an upload into storage sees all of it. It is not closed.
 *   <li>Text reaches the sink before the outcome is known; discard it when the result is
 *       NOT_INDEXED.
 *   <li>The sink is called on the calling thread; the input stream is read on a feeder thread.
 * </ul>
 *
 * <p>Thread-safe: any number of threads may call {@link #extract}; the semaphore bounds the
 * children.
 */
public final class ContainedExtractor {
  private static final System.Logger LOG = System.getLogger(ContainedExtractor.class.getName());

  /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int EXIT_OUT_OF_MEMORY = 3;

  private static final String WORK_PREFIX = "zhusan-extract-";

  private static final AtomicInteger FEEDERS = new AtomicInteger();

  private final ExtractionLimits limits;
  private final List<Path> classpath;
  private final OcrSupport ocr;
  private final Path spoolRoot;
  private final ThreadFactory threadFactory;
  private final Semaphore children;
  private final Path javaBinary;

  /**
   * An extractor with the default spool root and daemon feeder threads.
   *
   * @param limits the limits of every extraction
   * @param childClasspath the child JVM's classpath; {@link ChildClasspath#derive()} works it out
   * @param ocr whether and how to OCR images; {@link OcrSupport#detect()} or {@link
   *     OcrSupport#disabled()}
   */
  public ContainedExtractor(ExtractionLimits limits, List<Path> childClasspath, OcrSupport ocr) {
    this(limits, childClasspath, ocr, defaultSpoolRoot(), ContainedExtractor::daemonFeeder);
  }

  /**
   * @param limits the limits of every extraction
   * @param childClasspath the child JVM's classpath; {@link ChildClasspath#derive()} works it out
   * @param ocr whether and how to OCR images
   * @param spoolRoot where private per-run directories are created; prefer a tmpfs
   * @param threadFactory makes the feeder threads that read the caller's stream (in Jakarta EE, a
   *     {@code ManagedThreadFactory} if the stream needs the request's context)
   */
  public ContainedExtractor(
      ExtractionLimits limits,
      List<Path> childClasspath,
      OcrSupport ocr,
      Path spoolRoot,
      ThreadFactory threadFactory) {
    this.limits = Objects.requireNonNull(limits, "Limits are required.");
    this.classpath = List.copyOf(Objects.requireNonNull(childClasspath, "Classpath is required."));
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("The child classpath must not be empty.");
    }
    this.ocr = Objects.requireNonNull(ocr, "OCR support is required.");
    this.spoolRoot = Objects.requireNonNull(spoolRoot, "Spool root is required.");
    this.threadFactory = Objects.requireNonNull(threadFactory, "Thread factory is required.");
    this.children = new Semaphore(limits.maxConcurrentChildren(), true);
    this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** {@code /dev/shm} when it is a writable directory (memory-backed on Linux), else the tmpdir. */
  public static Path defaultSpoolRoot() {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /**
   * Deletes private directories that runs of this or an earlier vault process left under the spool
   * root (after a crash of the vault itself, say): those named {@code zhusan-extract-*} and older
   * than twice the timeout plus a minute, so running extractions are never touched. Call it at
   * start-up.
   *
   * @return how many directories were removed
   */
  public int removeStaleDirectories() {
    long maxAgeMillis = 2 * limits.timeout().toMillis() + 60_000;
    long now = System.currentTimeMillis();
    int removed = 0;
    try (Stream<Path> entries = Files.list(spoolRoot)) {
      for (Path dir : (Iterable<Path>) entries::iterator) {
        if (!dir.getFileName().toString().startsWith(WORK_PREFIX)
            || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (now - Files.getLastModifiedTime(dir).toMillis() > maxAgeMillis) {
          deleteRecursively(dir);
          removed += Files.exists(dir) ? 0 : 1;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not look for stale extraction directories", e);
    }
    return removed;
  }

  /** The limits this extractor applies. */
  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * Extracts a document that {@link MediaTypePolicy} accepted as {@code accepted}. The child
   * detects the type again over the whole content and refuses to parse if it differs (reason "full
   * content is not of the accepted type"), so a file whose head says one thing and whose body
   * another cannot reach a parser the policy did not allow.
   *
   * @param content the document's bytes (plaintext, e.g. from a decrypting stream); read to its
   *     end, not closed
   * @param accepted the type the policy accepted
   * @param textSink receives the text in chunks, on the calling thread
   * @return the outcome; NOT_INDEXED for every problem of the document
   * @throws IOException only if reading {@code content} fails
   */
  public ExtractionResult extract(
      InputStream content, DetectedType accepted, Consumer<String> textSink) throws IOException {
    Objects.requireNonNull(accepted, "Accepted type is required.");
    return run(content, accepted.mediaType(), textSink);
  }

  private ExtractionResult run(InputStream content, String expectedType, Consumer<String> sink)
      throws IOException {
    Objects.requireNonNull(content, "Content is required.");
    Objects.requireNonNull(sink, "Text sink is required.");
    boolean acquired;
    try {
      acquired = children.tryAcquire(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drain(content);
      return ExtractionResult.notIndexed(Reason.INTERRUPTED, Map.of(), 0);
    }
    if (!acquired) {
      drain(content);
      return ExtractionResult.notIndexed(Reason.BUSY, Map.of(), 0);
    }
    try {
      return runChild(content, expectedType, sink);
    } finally {
      children.release();
    }
  }

  /** What the vault learned from the child's output. */
  private static final class Outcome {
    boolean started;
    boolean protocolError;
    boolean textLimit;
    Integer resultCode;
    long characters;
    final Map<String, String> metadata = new LinkedHashMap<>();
  }

  private ExtractionResult runChild(InputStream content, String expectedType, Consumer<String> sink)
      throws IOException {
    Path work;
    Process process;
    try {
      work = createWorkDirectory();
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.ERROR, "cannot create extraction directory under " + spoolRoot, e);
      drain(content);
      return ExtractionResult.notIndexed(Reason.START_FAILED, Map.of(), 0);
    }
    try {
      process = processBuilder(work, expectedType).start();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot start extraction child " + javaBinary, e);
      deleteRecursively(work);
      drain(content);
      return ExtractionResult.notIndexed(Reason.START_FAILED, Map.of(), 0);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Process> watchdog =
        process.onExit().orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    watchdog.whenComplete(
        (exited, failure) -> {
          if (failure instanceof TimeoutException) {
            timedOut.set(true);
            kill(process);
          }
        });
    Feeder feeder = new Feeder(content, process, limits.maxInputBytes());
    Thread feedThread = threadFactory.newThread(feeder);
    feedThread.start();
    Outcome outcome = new Outcome();
    int exit = -1;
    try {
      readFrames(process, sink, outcome);
    } finally {
      if (outcome.resultCode != null) {
        awaitExit(process, 5, TimeUnit.SECONDS);
      }
      kill(process);
      exit = awaitExit(process, 30, TimeUnit.SECONDS);
      joinUninterruptibly(feedThread);
      watchdog.cancel(false);
      deleteRecursively(work);
    }
    feeder.rethrowReadFailure();
    return decide(outcome, feeder.inputExceeded, timedOut.get(), exit);
  }

  private ExtractionResult decide(Outcome o, boolean inputExceeded, boolean timedOut, int exit) {
    if (o.textLimit) {
      return ExtractionResult.notIndexed(Reason.TEXT_LIMIT, o.metadata, o.characters);
    }
    if (inputExceeded) {
      return ExtractionResult.notIndexed(Reason.INPUT_LIMIT, Map.of(), o.characters);
    }
    if (o.resultCode != null) {
      if (o.resultCode == ChildProtocol.CODE_EXTRACTED) {
        return ExtractionResult.extracted(o.metadata, o.characters, language(o.metadata));
      }
      Reason reason = Reason.ofCode(o.resultCode).orElse(Reason.PROTOCOL_ERROR);
      return ExtractionResult.notIndexed(reason, o.metadata, o.characters);
    }
    if (timedOut) {
      return ExtractionResult.notIndexed(Reason.TIMEOUT, Map.of(), o.characters);
    }
    if (exit == EXIT_OUT_OF_MEMORY) {
      return ExtractionResult.notIndexed(Reason.OUT_OF_MEMORY, Map.of(), o.characters);
    }
    if (o.protocolError) {
      return ExtractionResult.notIndexed(Reason.PROTOCOL_ERROR, Map.of(), o.characters);
    }
    if (!o.started) {
      LOG.log(
          System.Logger.Level.ERROR,
          "extraction child exited with " + exit + " before starting;" + " check its classpath");
      return ExtractionResult.notIndexed(Reason.START_FAILED, Map.of(), 0);
    }
    return ExtractionResult.notIndexed(Reason.CRASHED, Map.of(), o.characters);
  }

  /** The language the document declares, if it looks like a language tag. */
  private static Optional<String> language(Map<String, String> metadata) {
    for (String key : new String[] {"dc:language", "language", "Content-Language"}) {
      String value = metadata.get(key);
      if (value != null && value.trim().matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}")) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  private void readFrames(Process process, Consumer<String> sink, Outcome outcome) {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536));
    try {
      Frame hello = ChildProtocol.readFrame(in);
      if (hello == null) {
        return;
      }
      if (hello.tag() != ChildProtocol.TAG_HELLO
          || !Arrays.equals(
              hello.payload(), ChildProtocol.HELLO.getBytes(StandardCharsets.US_ASCII))) {
        outcome.protocolError = true;
        return;
      }
      outcome.started = true;
      for (Frame frame = ChildProtocol.readFrame(in);
          frame != null;
          frame = ChildProtocol.readFrame(in)) {
        switch (frame.tag()) {
          case ChildProtocol.TAG_TEXT -> {
            String text = ChildProtocol.decodeText(frame.payload());
            if (outcome.characters + text.length() > limits.maxCharacters()) {
              outcome.textLimit = true;
              return;
            }
            outcome.characters += text.length();
            sink.accept(text);
          }
          case ChildProtocol.TAG_METADATA -> {
            String[] entry = ChildProtocol.readMetadata(frame.payload());
            if (outcome.metadata.size() < ChildProtocol.MAX_METADATA_ENTRIES) {
              outcome.metadata.put(entry[0], entry[1]);
            }
          }
          case ChildProtocol.TAG_RESULT -> {
            if (frame.payload().length != 9) {
              outcome.protocolError = true;
              return;
            }
            outcome.resultCode = frame.payload()[0] & 0xff;
            ByteBuffer.wrap(frame.payload(), 1, 8).getLong(); // the child's count; ours is kept
            return;
          }
          default -> {
            outcome.protocolError = true;
            return;
          }
        }
      }
    } catch (ChildProtocol.ProtocolException e) {
      outcome.protocolError = true;
    } catch (IOException e) {
      // The pipe broke: the child died or was killed; the exit status tells which.
    }
  }

  ProcessBuilder processBuilder(Path work, String expectedType) throws IOException {
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    command.add("-Xmx" + limits.childHeapMiB() + "m");
    command.add("-Xss2m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:-HeapDumpOnOutOfMemoryError");
    command.add("-XX:-CreateCoredumpOnCrash");
    command.add("-XX:ErrorFile=" + work.resolve("hs_err.log"));
    command.add("-XX:-UsePerfData");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Duser.home=" + work);
    command.add("-Djava.awt.headless=true");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Djava.net.useSystemProxies=false");
    command.add("-DsocksProxyHost=127.0.0.1");
    command.add("-DsocksProxyPort=1");
    command.add("-Djavax.xml.accessExternalDTD=");
    command.add("-Djavax.xml.accessExternalSchema=");
    command.add("-Djavax.xml.accessExternalStylesheet=");
    command.add("-cp");
    command.add(ChildClasspath.join(classpath));
    command.add(ExtractionChild.class.getName());
    command.addAll(
        List.of(
            ExtractionChild.Settings.toArgs(
                limits, ocr, (int) Math.max(1, limits.timeout().toSeconds()), expectedType)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.directory(work.toFile());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("LANG", "C.UTF-8");
    env.put(
        "PATH",
        ocr.tesseract().map(t -> t.getParent().toString()).orElse("/nonexistent-zhusan-path"));
    String tessdata = System.getenv("TESSDATA_PREFIX");
    if (ocr.enabled() && tessdata != null) {
      env.put("TESSDATA_PREFIX", tessdata);
    }
    return builder;
  }

  private Path createWorkDirectory() throws IOException {
    Files.createDirectories(spoolRoot);
    try {
      return Files.createTempDirectory(
          spoolRoot,
          WORK_PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempDirectory(spoolRoot, WORK_PREFIX);
    }
  }

  /** Kills the child and everything it started (tesseract), children first. */
  private static void kill(Process process) {
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException ignored) {
      // descendants may vanish while we look
    }
    process.destroyForcibly();
  }

  private static int awaitExit(Process process, long time, TimeUnit unit) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + unit.toNanos(time);
    try {
      while (true) {
        try {
          long left = deadline - System.nanoTime();
          if (process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            return process.exitValue();
          }
          return -1;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ContainedExtractor::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not clean extraction directory " + dir, e);
    }
    if (Files.exists(dir)) {
      LOG.log(System.Logger.Level.WARNING, "extraction directory left behind: " + dir);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete " + path, e);
    }
  }

  private static void drain(InputStream content) throws IOException {
    content.transferTo(OutputStream.nullOutputStream());
  }

  private static Thread daemonFeeder(Runnable task) {
    Thread thread = new Thread(task, "zhusan-extraction-feeder-" + FEEDERS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Copies the caller's stream into the child's stdin, at most {@code limit + 1} bytes (one more
   * than allowed, so the child sees the excess too), then reads the rest of the stream to its end.
   */
  private static final class Feeder implements Runnable {
    private final InputStream content;
    private final Process process;
    private final long limit;
    volatile boolean inputExceeded;
    private volatile Throwable readFailure;

    Feeder(InputStream content, Process process, long limit) {
      this.content = content;
      this.process = process;
      this.limit = limit;
    }

    @Override
    public void run() {
      OutputStream stdin = process.getOutputStream();
      boolean writing = true;
      long sent = 0;
      byte[] buffer = new byte[64 * 1024];
      try {
        while (true) {
          int n;
          try {
            n = content.read(buffer);
          } catch (IOException | RuntimeException e) {
            readFailure = e;
            kill(process); // the child has a truncated document: its result is worthless
            return;
          }
          if (n == -1) {
            return;
          }
          if (!writing) {
            continue;
          }
          int allowed = (int) Math.min(n, limit + 1 - sent);
          try {
            stdin.write(buffer, 0, allowed);
            sent += allowed;
          } catch (IOException e) {
            writing = false; // the child stopped reading (finished, failed or killed)
            closeQuietly(stdin);
          }
          if (sent > limit) {
            inputExceeded = true;
            writing = false;
            closeQuietly(stdin);
          }
        }
      } finally {
        closeQuietly(stdin);
      }
    }

    void rethrowReadFailure() throws IOException {
      Throwable failure = readFailure;
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
    }

    private static void closeQuietly(OutputStream out) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the child is gone
      }
    }
  }
}
