package org.zhusan.vault.oversight;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zhusan.vault.audit.Checkpoints;
import org.zhusan.vault.audit.verify.Finding;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;

/**
 * "Verify now" as a background job with progress: the server checks the stored log (every entry's
 * hash, chain link and the earlier checkpoints, before it signs a fresh checkpoint), then runs the
 * offline verifier over a fresh export of exactly that log. Both passes report entries done, the
 * total and the rate; the result is OK or the verifier's first finding (kind, entries, checkpoint).
 *
 * <p>Jobs live in this instance's memory (the latest {@value #KEPT} are kept); only one runs at a
 * time, and starting another while it runs returns the running one, so a log of millions of entries
 * is never verified twice at once.
 */
@ApplicationScoped
public class VerificationJobs {
  private static final Logger LOG = Logger.getLogger(VerificationJobs.class.getName());
  static final int KEPT = 20;

  @Inject AuditService service;
  @Inject Checkpoints checkpoints;

  @Resource ManagedExecutorService executor;

  private final Map<UUID, Job> jobs = new LinkedHashMap<>();

  /** Starts a verification, or returns the one already running. */
  public synchronized Job start(AuditService.VerifyPermit permit, String startedBy) {
    for (Job j : jobs.values()) {
      if (j.state.equals("RUNNING")) {
        return j;
      }
    }
    checkpoints.signer(); // 503 at once if the signing key is missing
    Job job = new Job(UUID.randomUUID(), startedBy, Instant.now());
    jobs.put(job.id, job);
    while (jobs.size() > KEPT) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    executor.submit(() -> run(job, permit));
    return job;
  }

  public synchronized Optional<Job> get(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public synchronized List<Job> recent() {
    List<Job> all = new ArrayList<>(jobs.values());
    java.util.Collections.reverse(all);
    return all;
  }

  void run(Job job, AuditService.VerifyPermit permit) {
    ChunkPipe pipe = new ChunkPipe();
    try (Reader in = pipe.reader) {
      Future<Optional<String>> producer =
          executor.submit(
              () -> {
                try (Writer w = pipe.writer) {
                  return service.exportForVerification(permit, w, job::checking);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      EntryCounter counted = new EntryCounter(in, job);
      VerificationReport report =
          new OfflineLogVerifier(checkpoints.signer().verifier()).verify(counted);
      in.close(); // the verifier may have stopped at its first finding: the export need not go on
      Optional<String> serverProblem = Optional.empty();
      try {
        serverProblem = producer.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (counted.ended) { // the export failed (it was not cut short by the verifier stopping)
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(e.getCause());
        }
      } catch (TimeoutException e) {
        producer.cancel(true);
      }
      job.finish(report, serverProblem);
      LOG.info("Access log verification " + job.id + ": " + report.summary());
    } catch (Exception e) {
      job.fail(e);
      LOG.log(Level.WARNING, "Access log verification " + job.id + " could not run", e);
    }
  }

  /**
   * A verification as reported: state RUNNING, DONE (verified: {@code ok} says whether the log is
   * intact) or FAILED (it could not run: {@code error}); phase CHECK (the stored log is re-hashed
   * before a checkpoint is signed) or VERIFY (the export is verified); {@code done} of {@code
   * total} entries in that phase at {@code rate} entries per second.
   */
  public record View(
      String id,
      String state,
      String phase,
      long done,
      long total,
      long rate,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      Boolean ok,
      Long entriesChecked,
      Long checkpointsChecked,
      Long signedSize,
      FindingView problem,
      String error) {}

  /** The verifier's first finding: its kind, the entries and/or checkpoint it names, a sentence. */
  public record FindingView(
      String kind,
      Long firstEntry,
      Long lastEntry,
      Long checkpointSize,
      Long line,
      String message) {}

  /** One verification: its phase, progress and result. */
  public static final class Job {
    final UUID id;
    final String startedBy;
    final Instant startedAt;
    volatile String state = "RUNNING";
    volatile String phase = "CHECK";
    // A problem only the server's check before signing found (e.g. a stored subtree hash).
    volatile String checkProblem;
    volatile long done;
    volatile long total;
    volatile Instant phaseStartedAt;
    volatile Instant finishedAt;
    volatile VerificationReport report;
    volatile String error;

    Job(UUID id, String startedBy, Instant startedAt) {
      this.id = id;
      this.startedBy = startedBy;
      this.startedAt = startedAt;
      this.phaseStartedAt = startedAt;
    }

    void checking(long entries, long of) {
      done = entries;
      total = of;
    }

    void verified(long entries) {
      if (!phase.equals("VERIFY")) {
        phase = "VERIFY";
        phaseStartedAt = Instant.now();
      }
      done = Math.min(entries, total);
    }

    void finish(VerificationReport r, Optional<String> serverProblem) {
      report = r;
      checkProblem = serverProblem.orElse(null);
      done = Math.min(r.entriesChecked(), total);
      finishedAt = Instant.now();
      state = "DONE";
    }

    void fail(Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      finishedAt = Instant.now();
      state = "FAILED";
    }

    /** Entries per second in the current phase (the whole run once finished). */
    double rate() {
      Instant end = finishedAt == null ? Instant.now() : finishedAt;
      double seconds = Math.max(Duration.between(phaseStartedAt, end).toMillis(), 1) / 1000.0;
      return done / seconds;
    }

    public View view() {
      VerificationReport r = report;
      String check = checkProblem;
      FindingView problem =
          r == null
              ? null
              : r.problem()
                  .map(VerificationJobs::findingView)
                  .orElse(
                      check == null
                          ? null
                          : new FindingView(
                              "CHECK_BEFORE_SIGNING",
                              null,
                              null,
                              null,
                              null,
                              AuditService.CHECK_PROBLEM + check));
      return new View(
          id.toString(),
          state,
          phase,
          done,
          total,
          Math.round(rate()),
          startedBy,
          startedAt,
          finishedAt,
          r == null ? null : r.ok() && check == null,
          r == null ? null : r.entriesChecked(),
          r == null ? null : r.checkpointsChecked(),
          r == null ? null : r.signedSize(),
          problem,
          error);
    }
  }

  static FindingView findingView(Finding f) {
    return new FindingView(
        f.kind().name(),
        f.entries().map(e -> e.first()).orElse(null),
        f.entries().map(e -> e.last()).orElse(null),
        f.checkpointSize().isPresent() ? f.checkpointSize().getAsLong() : null,
        f.line() == 0 ? null : f.line(),
        f.message());
  }

  /**
   * Passes the export through to the verifier, counting the entry lines it has read (an export line
   * starts with {@code {"type":"entry"} or {@code {"type":"checkpoint"}).
   */
  static final class EntryCounter extends FilterReader {
    private static final int TYPE_AT = "{\"type\":\"".length();
    private final Job job;
    private int column;
    private long entries;
    volatile boolean ended;

    EntryCounter(Reader in, Job job) {
      super(in);
      this.job = job;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        see((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        ended = true;
      }
      for (int i = 0; i < n; i++) {
        see(buf[off + i]);
      }
      if (n > 0) {
        job.verified(entries);
      }
      return n;
    }

    private void see(char c) {
      if (c == '\n') {
        column = 0;
        return;
      }
      if (column == TYPE_AT && c == 'e') {
        entries++;
      }
      column++;
    }
  }
}
