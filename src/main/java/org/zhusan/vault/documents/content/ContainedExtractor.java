package org.zhusan.vault.documents.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
public final class ContainedExtractor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ContainedExtractor.class.getName());

  /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int EXIT_OUT_OF_MEMORY = 3;

  private static final String WORK_PREFIX = "zhusan-extract-";

  /** This vault process's directories: {@code zhusan-extract-<pid>-<random>}. */
  private static final String OWN_PREFIX = WORK_PREFIX + ProcessHandle.current().pid() + "-";

  private static final java.time.Duration START_LIMIT = java.time.Duration.ofSeconds(60);

  private static final AtomicInteger FEEDERS = new AtomicInteger();

  private final ExtractionLimits limits;
  private final ChildJitOptions jit;
  private final List<Path> classpath;
  private final OcrSupport ocr;
  private final Path spoolRoot;
  private final ThreadFactory threadFactory;
  private final Semaphore permits;
  private final Path javaBinary;
  private final Deque<WarmChild> idle = new ConcurrentLinkedDeque<>();
  private final ScheduledExecutorService timer;
  private final AtomicLong started = new AtomicLong();
  private volatile boolean closed;

  /**
   * An extractor with the default spool root and daemon feeder threads.
   *
   * @param limits the limits of every extraction
   * @param childClasspath the child JVM's classpath; {@link ChildClasspath#derive()} works it out
   * @param ocr whether and how to OCR images; {@link OcrSupport#detect()} or {@link
   *     OcrSupport#disabled()}
   */
  public ContainedExtractor(ExtractionLimits limits, List<Path> childClasspath, OcrSupport ocr) {
    this(limits, childClasspath, ocr, ChildJitOptions.defaults());
  }

  /**
   * An extractor with the default spool root and daemon feeder threads, and the given JIT options
   * for its children.
   */
  public ContainedExtractor(
      ExtractionLimits limits, List<Path> childClasspath, OcrSupport ocr, ChildJitOptions jit) {
    this(limits, childClasspath, ocr, defaultSpoolRoot(), ContainedExtractor::daemonFeeder, jit);
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
    this(limits, childClasspath, ocr, spoolRoot, threadFactory, ChildJitOptions.defaults());
  }

  /**
   * @param limits the limits of every extraction
   * @param childClasspath the child JVM's classpath; {@link ChildClasspath#derive()} works it out
   * @param ocr whether and how to OCR images
   * @param spoolRoot where private per-run directories are created; prefer a tmpfs
   * @param threadFactory makes the feeder threads that read the caller's stream
   * @param jit the child JVMs' JIT compiler options ({@link ChildJitOptions#defaults()}: C1 only)
   */
  public ContainedExtractor(
      ExtractionLimits limits,
      List<Path> childClasspath,
      OcrSupport ocr,
      Path spoolRoot,
      ThreadFactory threadFactory,
      ChildJitOptions jit) {
    this.jit = Objects.requireNonNull(jit, "JIT options are required.");
    this.limits = Objects.requireNonNull(limits, "Limits are required.");
    this.classpath = List.copyOf(Objects.requireNonNull(childClasspath, "Classpath is required."));
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("The child classpath must not be empty.");
    }
    this.ocr = Objects.requireNonNull(ocr, "OCR support is required.");
    this.spoolRoot = Objects.requireNonNull(spoolRoot, "Spool root is required.");
    this.threadFactory = Objects.requireNonNull(threadFactory, "Thread factory is required.");
    this.permits = new Semaphore(limits.maxConcurrentChildren(), true);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "zhusan-extraction-watchdog");
              t.setDaemon(true);
              return t;
            });
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
        if (isStale(dir.getFileName().toString(), dir, now, maxAgeMillis)) {
          deleteRecursively(dir);
          removed += Files.exists(dir) ? 0 : 1;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not look for stale extraction directories", e);
    }
    return removed;
  }

  /**
   * A directory is named {@code zhusan-extract-<vault pid>-<random>}: it is stale when that vault
   * process is gone (a warm child's directory lives as long as its child, so its age says nothing;
   * another vault on the same host must not take it away). Names without a process id, from older
   * versions, are stale by age.
   */
  private static boolean isStale(String name, Path dir, long now, long maxAgeMillis)
      throws IOException {
    String rest = name.substring(WORK_PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash > 0) {
      try {
        long owner = Long.parseLong(rest.substring(0, dash));
        return ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
      } catch (NumberFormatException e) {
        // not ours to judge by owner: fall back to age
      }
    }
    return now - Files.getLastModifiedTime(dir).toMillis() > maxAgeMillis;
  }

  /** The child JVMs' JIT compiler options. */
  public ChildJitOptions jit() {
    return jit;
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
    return run(content, accepted.mediaType(), textSink, ExtractionProgress.NONE);
  }

  /**
   * As {@link #extract(InputStream, DetectedType, Consumer)}, telling {@code progress} how many
   * pages of a long scan are done.
   */
  public ExtractionResult extract(
      InputStream content,
      DetectedType accepted,
      Consumer<String> textSink,
      ExtractionProgress progress)
      throws IOException {
    Objects.requireNonNull(accepted, "Accepted type is required.");
    Objects.requireNonNull(progress, "Progress is required.");
    return run(content, accepted.mediaType(), textSink, progress);
  }

  private ExtractionResult run(
      InputStream content, String expectedType, Consumer<String> sink, ExtractionProgress progress)
      throws IOException {
    Objects.requireNonNull(content, "Content is required.");
    Objects.requireNonNull(sink, "Text sink is required.");
    boolean acquired;
    try {
      acquired = permits.tryAcquire(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drain(content);
      return ExtractionResult.notIndexed(Reason.INTERRUPTED, Map.of(), 0);
    }
    if (!acquired) {
      drain(content);
      return ExtractionResult.notIndexed(Reason.BUSY, Map.of(), 0);
    }
    WarmChild child = null;
    try {
      child = takeChild();
      if (child == null) {
        drain(content);
        return ExtractionResult.notIndexed(Reason.START_FAILED, Map.of(), 0);
      }
      return child.extract(content, expectedType, sink, progress, limits, threadFactory, timer);
    } finally {
      if (child != null) {
        giveBack(child);
      }
      permits.release();
    }
  }

  /** An idle warm child, or a new one; null if none could be started. */
  private WarmChild takeChild() {
    for (WarmChild idleChild = idle.pollFirst(); idleChild != null; idleChild = idle.pollFirst()) {
      if (idleChild.reusable()) {
        return idleChild;
      }
      idleChild.destroy();
    }
    return startChild();
  }

  private WarmChild startChild() {
    if (closed) {
      return null;
    }
    Path work;
    try {
      work = createWorkDirectory();
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.ERROR, "cannot create extraction directory under " + spoolRoot, e);
      return null;
    }
    ProcessBuilder builder;
    try {
      builder = processBuilder(work);
    } catch (IOException e) {
      deleteRecursively(work);
      return null;
    }
    // A slow start is the machine's doing, not a document's: it gets at least a minute.
    java.time.Duration startLimit =
        limits.timeout().compareTo(START_LIMIT) > 0 ? limits.timeout() : START_LIMIT;
    WarmChild child = WarmChild.start(builder, work, startLimit, timer).orElse(null);
    if (child == null) {
      LOG.log(
          System.Logger.Level.ERROR,
          "extraction child " + javaBinary + " did not start; check its classpath");
    } else {
      started.incrementAndGet();
    }
    return child;
  }

  /**
   * Keeps a child that ended its document cleanly and has documents left; destroys any other (a
   * timeout, crash, out-of-memory exit, protocol error or text limit), and recycles one that has
   * done its {@link ExtractionLimits#documentsPerChild()}.
   */
  private void giveBack(WarmChild child) {
    if (!child.reusable()) {
      child.destroy();
      return;
    }
    if (closed || child.documents() >= limits.documentsPerChild()) {
      child.retire();
      return;
    }
    idle.addFirst(child);
    if (closed) {
      stopIdle();
    }
  }

  /**
   * Starts children up to the pool size in the background, so the first documents do not wait for a
   * JVM to start. Optional: children are otherwise started on first use.
   */
  public void warmUp() {
    Thread t =
        threadFactory.newThread(
            () -> {
              for (int i = idle.size(); i < limits.maxConcurrentChildren(); i++) {
                if (!permits.tryAcquire()) {
                  return;
                }
                try {
                  WarmChild child = startChild();
                  if (child != null) {
                    idle.addLast(child);
                  }
                } finally {
                  permits.release();
                }
              }
            });
    t.start();
  }

  /** Stops the idle children; children busy with a document stop when it ends. */
  @Override
  public void close() {
    closed = true;
    stopIdle();
    timer.shutdownNow();
  }

  private void stopIdle() {
    for (WarmChild child = idle.pollFirst(); child != null; child = idle.pollFirst()) {
      child.retire();
    }
  }

  /** How many child JVMs this extractor has started so far (for tests and diagnostics). */
  public long childrenStarted() {
    return started.get();
  }

  /**
   * The idle children that are alive (waiting in the pool for a document; busy ones are not
   * listed), for tests and diagnostics.
   */
  List<ProcessHandle> idleChildren() {
    return idle.stream().filter(WarmChild::alive).map(WarmChild::handle).toList();
  }

  /** The language the document declares, if it looks like a language tag. */
  static Optional<String> language(Map<String, String> metadata) {
    for (String key : new String[] {"dc:language", "language", "Content-Language"}) {
      String value = metadata.get(key);
      if (value != null && value.trim().matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}")) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  ProcessBuilder processBuilder(Path work) throws IOException {
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    // First, so that the isolation options below win over anything they could touch.
    command.addAll(jit.options());
    command.add("-Xmx" + limits.childHeapMiB() + "m");
    command.add("-Xss2m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:-HeapDumpOnOutOfMemoryError");
    command.add("-XX:-CreateCoredumpOnCrash");
    command.add("-XX:ErrorFile=" + work.resolve("hs_err.log"));
    command.add("-XX:-UsePerfData");
    command.add("-XX:+UseSerialGC");
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
                limits, ocr, (int) Math.max(1, limits.timeout().toSeconds()))));
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
          OWN_PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempDirectory(spoolRoot, OWN_PREFIX);
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
}
