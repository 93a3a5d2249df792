package org.zhusan.vault.documents.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.zhusan.vault.documents.content.ChildProtocol.Frame;
import org.zhusan.vault.documents.content.ExtractionResult.Reason;

/**
 * One long-lived extraction child: a JVM that has loaded Tika once and parses one document after
 * another, each under its own wall-clock limit. It is used by one caller at a time (the pool in
 * {@link ContainedExtractor} sees to that) and is {@linkplain #reusable() reusable} only after a
 * document ended cleanly with its result frame; after a timeout, a crash, an out-of-memory exit, a
 * protocol error or the text limit it is destroyed, and with it its private directory.
 */
final class WarmChild {
  private final Process process;
  private final Path work;
  private final DataInputStream frames;
  private final OutputStream stdin;
  private int documents;
  private volatile boolean reusable = true;
  private final AtomicBoolean ended = new AtomicBoolean();

  private WarmChild(Process process, Path work) {
    this.process = process;
    this.work = work;
    this.frames = new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536));
    this.stdin = new BufferedOutputStream(process.getOutputStream(), 65536);
  }

  /**
   * Starts a child and waits (at most {@code startLimit}) for its hello, which it sends once Tika
   * is loaded. Empty if it could not start; it is then killed and its directory removed.
   */
  static Optional<WarmChild> start(
      ProcessBuilder builder,
      Path work,
      java.time.Duration startLimit,
      ScheduledExecutorService timer) {
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      ContainedExtractor.deleteRecursively(work);
      return Optional.empty();
    }
    WarmChild child = new WarmChild(process, work);
    ScheduledFuture<?> limit =
        timer.schedule(child::destroy, startLimit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      Frame hello = ChildProtocol.readFrame(child.frames);
      if (hello != null
          && hello.tag() == ChildProtocol.TAG_HELLO
          && Arrays.equals(
              hello.payload(), ChildProtocol.HELLO.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.of(child);
      }
    } catch (IOException e) {
      // no hello: it could not start (classpath, memory) or was stopped at the limit
    } finally {
      limit.cancel(false);
    }
    child.destroy();
    return Optional.empty();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Whether the last document ended cleanly, so the child can take another one. */
  boolean reusable() {
    return reusable && process.isAlive();
  }

  int documents() {
    return documents;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** What the vault learned from the child's output for one document. */
  private static final class Outcome {
    boolean protocolError;
    boolean textLimit;
    Integer resultCode;
    long characters;
    final Map<String, String> metadata = new LinkedHashMap<>();
  }

  /**
   * Extracts one document: a feeder thread sends it as frames, this thread reads the answer; the
   * child is killed if the document takes longer than {@code limits.timeout()}.
   */
  ExtractionResult extract(
      InputStream content,
      String expectedType,
      Consumer<String> sink,
      ExtractionProgress progress,
      ExtractionLimits limits,
      ThreadFactory threads,
      ScheduledExecutorService timer)
      throws IOException {
    documents++;
    AtomicBoolean timedOut = new AtomicBoolean();
    Runnable expire =
        () -> {
          timedOut.set(true);
          destroy();
        };
    // Each page of a long scan gets the whole limit: the watchdog is re-armed on every progress.
    AtomicReference<ScheduledFuture<?>> watchdog =
        new AtomicReference<>(
            timer.schedule(expire, limits.timeout().toMillis(), TimeUnit.MILLISECONDS));
    ExtractionProgress rearming =
        (done, total) -> {
          ScheduledFuture<?> next =
              timer.schedule(expire, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
          ScheduledFuture<?> previous = watchdog.getAndSet(next);
          if (previous != null) {
            previous.cancel(false);
          }
          progress.pages(done, total);
        };
    Feeder feeder = new Feeder(content, expectedType, limits.maxInputBytes());
    Thread feedThread = threads.newThread(feeder);
    feedThread.start();
    Outcome outcome = new Outcome();
    try {
      readFrames(sink, rearming, outcome, limits);
    } finally {
      watchdog.get().cancel(false);
      if (outcome.resultCode == null) {
        destroy(); // no clean end: the stream's state is unknown
      }
      joinUninterruptibly(feedThread);
    }
    feeder.rethrowReadFailure();
    if (feeder.writeFailed) {
      reusable = false;
    }
    return decide(outcome, feeder.inputExceeded, timedOut.get());
  }

  private ExtractionResult decide(Outcome o, boolean inputExceeded, boolean timedOut) {
    if (o.textLimit) {
      return ExtractionResult.notIndexed(Reason.TEXT_LIMIT, o.metadata, o.characters);
    }
    if (inputExceeded) {
      return ExtractionResult.notIndexed(Reason.INPUT_LIMIT, Map.of(), o.characters);
    }
    if (o.resultCode != null) {
      if (o.resultCode == ChildProtocol.CODE_EXTRACTED) {
        return ExtractionResult.extracted(
            o.metadata, o.characters, ContainedExtractor.language(o.metadata));
      }
      Reason reason = Reason.ofCode(o.resultCode).orElse(Reason.PROTOCOL_ERROR);
      return ExtractionResult.notIndexed(reason, o.metadata, o.characters);
    }
    if (timedOut) {
      return ExtractionResult.notIndexed(Reason.TIMEOUT, Map.of(), o.characters);
    }
    int exit = awaitExit(process, 30);
    if (exit == ContainedExtractor.EXIT_OUT_OF_MEMORY) {
      return ExtractionResult.notIndexed(Reason.OUT_OF_MEMORY, Map.of(), o.characters);
    }
    if (o.protocolError) {
      return ExtractionResult.notIndexed(Reason.PROTOCOL_ERROR, Map.of(), o.characters);
    }
    return ExtractionResult.notIndexed(Reason.CRASHED, Map.of(), o.characters);
  }

  private void readFrames(
      Consumer<String> sink,
      ExtractionProgress progress,
      Outcome outcome,
      ExtractionLimits limits) {
    try {
      for (Frame frame = ChildProtocol.readFrame(frames);
          frame != null;
          frame = ChildProtocol.readFrame(frames)) {
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
          case ChildProtocol.TAG_PROGRESS -> {
            if (frame.payload().length != 8) {
              outcome.protocolError = true;
              return;
            }
            ByteBuffer b = ByteBuffer.wrap(frame.payload());
            int done = b.getInt();
            int total = b.getInt();
            if (done >= 0 && total >= done) {
              progress.pages(done, total);
            }
          }
          case ChildProtocol.TAG_RESULT -> {
            if (frame.payload().length != 9) {
              outcome.protocolError = true;
              return;
            }
            outcome.resultCode = frame.payload()[0] & 0xff;
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

  /** Kills the child and everything it started (tesseract), and removes its directory. */
  void destroy() {
    reusable = false;
    if (!ended.compareAndSet(false, true)) {
      return; // the watchdog and the caller may both get here
    }
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException ignored) {
      // descendants may vanish while we look
    }
    process.destroyForcibly();
    awaitExit(process, 30);
    ContainedExtractor.deleteRecursively(work);
  }

  /** Ends a healthy child: end of stdin means "no more documents". */
  void retire() {
    if (ended.get()) {
      return;
    }
    try {
      stdin.close();
    } catch (IOException ignored) {
      // it is gone already
    }
    if (awaitExit(process, 5) == -1) {
      destroy();
    } else if (ended.compareAndSet(false, true)) {
      ContainedExtractor.deleteRecursively(work);
    }
  }

  private static int awaitExit(Process process, long seconds) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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

  /**
   * Sends the document as {@code S}, {@code D}… and {@code E} frames, at most {@code limit + 1}
   * bytes (one more than allowed, so the child sees the excess too), then reads the rest of the
   * caller's stream to its end.
   */
  private final class Feeder implements Runnable {
    private final InputStream content;
    private final String expectedType;
    private final long limit;
    volatile boolean inputExceeded;
    volatile boolean writeFailed;
    private volatile Throwable readFailure;

    Feeder(InputStream content, String expectedType, long limit) {
      this.content = content;
      this.expectedType = expectedType;
      this.limit = limit;
    }

    @Override
    public void run() {
      boolean writing =
          sendFrame(ChildProtocol.TAG_START, expectedType.getBytes(StandardCharsets.US_ASCII));
      long sent = 0;
      byte[] buffer = new byte[ChildProtocol.DATA_FRAME_BYTES];
      while (true) {
        int n;
        try {
          n = content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException | RuntimeException e) {
          readFailure = e;
          destroy(); // the child has a truncated document: its result is worthless
          return;
        }
        if (n <= 0) {
          break;
        }
        if (!writing) {
          continue; // read the caller's stream to its end all the same
        }
        int allowed = (int) Math.min(n, limit + 1 - sent);
        writing = sendData(buffer, allowed);
        sent += allowed;
        if (sent > limit) {
          inputExceeded = true;
          sendFrame(ChildProtocol.TAG_END, new byte[0]);
          writing = false;
        }
      }
      if (writing) {
        sendFrame(ChildProtocol.TAG_END, new byte[0]);
      }
    }

    /** Writes and flushes a whole frame; false once the child stopped reading. */
    private boolean sendFrame(byte tag, byte[] payload) {
      try {
        ChildProtocol.writeFrame(stdin, tag, payload);
        stdin.flush();
        return true;
      } catch (IOException e) {
        writeFailed = true; // the child failed or was killed
        return false;
      }
    }

    private boolean sendData(byte[] buffer, int length) {
      try {
        stdin.write(ByteBuffer.allocate(5).put(ChildProtocol.TAG_DATA).putInt(length).array());
        stdin.write(buffer, 0, length);
        return true;
      } catch (IOException e) {
        writeFailed = true;
        return false;
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
  }
}
