package org.zhusan.vault.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import org.zhusan.vault.audit.witness.Cosignature;
import org.zhusan.vault.audit.witness.NoteSignature;
import org.zhusan.vault.audit.witness.SignedNote;
import org.zhusan.vault.audit.witness.WitnessRequest;
import org.zhusan.vault.audit.witness.WitnessResponse;
import org.zhusan.vault.audit.witness.WitnessResult;
import org.zhusan.vault.platform.health.KeyStatus;

/**
 * The vault side of witnesses (docs/audit-log.md §11): after each signed checkpoint commits, asks
 * every configured witness to co-sign it (c2sp.org/tlog-witness), from the largest size that
 * witness already co-signed, and stores each verified cosignature in {@code
 * access_log_cosignature}. Runs on the managed executor, one push at a time, so signing never waits
 * on a witness; a witness that refuses or cannot be reached is logged (WARNING) and asked again at
 * the next checkpoint.
 *
 * <p>Raises the alarm (SEVERE, and {@link #alarm()} in readiness details) when a checkpoint has
 * waited longer than {@code vault.audit.witness.max-delay} for cosignatures from k witnesses.
 * Reports invalid witness settings as a {@link KeyStatus} (the vault is then not ready).
 */
@ApplicationScoped
public class Witnessing implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(Witnessing.class.getName());
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  @Inject @ConfigProperties AuditSettings settings;
  @Inject WitnessLedger ledger;
  @Inject Checkpoints checkpoints;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile WitnessConfig config;
  private volatile String problem;
  private volatile String alarm;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Object pushing = new Object();
  private HttpClient client;
  private ScheduledFuture<?> watch;

  @PostConstruct
  void init() {
    try {
      config = WitnessConfig.parse(settings.witnesses(), settings.witnessThreshold());
      problem = null;
    } catch (IllegalArgumentException e) {
      config = null;
      problem = "witness settings invalid: " + e.getMessage();
      LOG.severe(problem);
      return;
    }
    if (!config.enabled()) {
      return;
    }
    client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    LOG.info(
        "Checkpoints are pushed to "
            + config.witnesses().size()
            + " witness(es), "
            + config.threshold()
            + " must co-sign within "
            + settings.witnessMaxDelay()
            + ": "
            + String.join(
                ", ", config.witnesses().stream().map(WitnessConfig.Endpoint::name).toList()));
    long every = Math.max(1000, Math.min(60_000, settings.witnessMaxDelay().toMillis() / 2));
    watch =
        scheduler.scheduleAtFixedRate(this::checkDelaySafely, every, every, TimeUnit.MILLISECONDS);
    // checkpoints signed while the vault was down (or refused before) are pushed again at start
    request();
  }

  void onStart(
      @Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object ignored) {
    loaded();
  }

  @PreDestroy
  void stop() {
    if (watch != null) {
      watch.cancel(false);
    }
  }

  /** Once a checkpoint is committed: push it to the witnesses, asynchronously. */
  void onSigned(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckpointSigned signed) {
    request();
  }

  /** Schedules a push of the latest checkpoint (coalescing requests that arrive meanwhile). */
  public void request() {
    WitnessConfig c = config;
    if (c == null || !c.enabled()) {
      return;
    }
    if (queued.compareAndSet(false, true)) {
      try {
        executor.execute(this::pushSafely);
      } catch (RuntimeException e) {
        queued.set(false);
        LOG.warning("Could not schedule the push to witnesses: " + e.getClass().getSimpleName());
      }
    }
  }

  private void pushSafely() {
    queued.set(false);
    synchronized (pushing) {
      try {
        push();
      } catch (RuntimeException e) {
        LOG.warning("Pushing the checkpoint to witnesses failed: " + e);
      }
      checkDelaySafely();
    }
  }

  /** Pushes the latest checkpoint to every configured witness that has not co-signed it yet. */
  void push() {
    WitnessConfig c = config;
    Optional<SignedCheckpoint> latest = ledger.latest();
    if (c == null || latest.isEmpty()) {
      return;
    }
    SignedCheckpoint checkpoint = latest.get();
    long size = checkpoint.checkpoint().size();
    SignedNote note = C2spCheckpoints.toNote(checkpoint, checkpoints.signer().verifier());
    List<String> done = ledger.cosigners(size);
    for (WitnessConfig.Endpoint w : c.witnesses()) {
      String key = w.key().format();
      if (done.contains(key)) {
        continue;
      }
      try {
        pushTo(w, key, note, size);
      } catch (IOException | RuntimeException e) {
        LOG.warning(
            "Witness "
                + w.name()
                + " ("
                + w.addCheckpoint()
                + ") did not co-sign the checkpoint of size "
                + size
                + ": unreachable or unreadable answer ("
                + e.getClass().getSimpleName()
                + "); asked again at the next checkpoint");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void pushTo(WitnessConfig.Endpoint w, String key, SignedNote note, long size)
      throws IOException, InterruptedException {
    long old = ledger.lastCosigned(key, size);
    WitnessResult result = ask(w, old, ledger.proof(old, size), note);
    if (result instanceof WitnessResult.Conflict conflict && conflict.knownSize() != old) {
      long known = conflict.knownSize();
      if (known > size) {
        LOG.warning(
            "Witness "
                + w.name()
                + " refused the checkpoint of size "
                + size
                + ": it already co-signed size "
                + known
                + ", larger than the log now is (entries removed from the tail?)");
        return;
      }
      result = ask(w, known, ledger.proof(known, size), note);
    }
    if (result instanceof WitnessResult.Cosigned cosigned) {
      List<NoteSignature> valid = new ArrayList<>();
      for (NoteSignature s : cosigned.cosignatures()) {
        if (w.key().names(s) && Cosignature.verify(w.key(), note.text(), s)) {
          valid.add(s);
        }
      }
      if (valid.isEmpty()) {
        LOG.warning(
            "Witness "
                + w.name()
                + " answered 200 for the checkpoint of size "
                + size
                + " but no cosignature verifies with its configured key");
        return;
      }
      ledger.store(size, key, valid.get(0).line().strip());
      LOG.info("Witness " + w.name() + " co-signed the checkpoint of size " + size);
      return;
    }
    LOG.warning(
        "Witness "
            + w.name()
            + " refused the checkpoint of size "
            + size
            + ": HTTP "
            + result.httpStatus()
            + " "
            + describe(result));
  }

  private static String describe(WitnessResult r) {
    if (r instanceof WitnessResult.Conflict c) {
      return "(it is at size " + c.knownSize() + ")";
    }
    if (r instanceof WitnessResult.Refused f) {
      return f.refusal() + " (" + f.reason() + ")";
    }
    return "";
  }

  private WitnessResult ask(WitnessConfig.Endpoint w, long old, List<byte[]> proof, SignedNote note)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(w.addCheckpoint())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    new WitnessRequest(old, proof, note).bytes()))
            .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return WitnessResponse.parse(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IllegalArgumentException e) {
      throw new IOException("unexpected answer, HTTP " + response.statusCode(), e);
    }
  }

  private void checkDelaySafely() {
    try {
      checkDelay(Instant.now());
    } catch (RuntimeException e) {
      LOG.warning("Checking witness cosignatures failed: " + e);
    }
  }

  /** Updates {@link #alarm()}; logs SEVERE when it is raised or changes. */
  void checkDelay(Instant now) {
    WitnessConfig c = config;
    if (c == null || !c.enabled()) {
      return;
    }
    List<String> keys = c.witnesses().stream().map(w -> w.key().format()).toList();
    Optional<WitnessLedger.Pending> pending = ledger.firstNotCosigned(keys, c.threshold());
    String now_ = null;
    if (pending.isPresent()
        && pending.get().signedAt().plus(settings.witnessMaxDelay()).isBefore(now)) {
      Optional<SignedCheckpoint> latest = ledger.latest();
      long size = latest.map(s -> s.checkpoint().size()).orElse(pending.get().size());
      List<String> cosigners = ledger.cosigners(size);
      List<String> missing =
          c.witnesses().stream()
              .filter(w -> !cosigners.contains(w.key().format()))
              .map(WitnessConfig.Endpoint::name)
              .toList();
      now_ =
          "checkpoint of size "
              + pending.get().size()
              + " not co-signed by "
              + c.threshold()
              + " of "
              + c.witnesses().size()
              + " witnesses within "
              + settings.witnessMaxDelay()
              + " (latest checkpoint, size "
              + size
              + ", missing: "
              + (missing.isEmpty() ? "none" : String.join(", ", missing))
              + ")";
    }
    String before = alarm;
    alarm = now_;
    if (now_ != null && !now_.equals(before)) {
      LOG.severe("ACCESS LOG WITNESS ALARM: " + now_);
    } else if (now_ == null && before != null) {
      LOG.info("Witness alarm cleared: the latest checkpoints are co-signed");
    }
  }

  /** The current witness alarm, or null. */
  public String alarm() {
    return alarm;
  }

  /** The witness settings in use (null if invalid). */
  public WitnessConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "witnesses";
  }

  @Override
  public boolean loaded() {
    return config != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}
