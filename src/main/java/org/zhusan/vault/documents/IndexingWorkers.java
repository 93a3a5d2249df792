package org.zhusan.vault.documents;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.documents.content.ExtractionResult.Reason;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SubjectKeys;

/**
 * Extracts and indexes uploaded versions after their upload committed: {@code
 * vault.indexing.workers} threads (default: one per extraction child) take items from the {@link
 * ExtractionQueue}, extract the stored content in a warm contained child, and record the outcome
 * and the index together. A worker is woken as soon as an upload commits, and looks again every
 * {@code vault.indexing.poll-interval} for items other instances queued or whose lease expired.
 * Plaintext exists only in memory, one version at a time per worker; log lines name version ids
 * only.
 */
@ApplicationScoped
public class IndexingWorkers {
  private static final Logger LOG = Logger.getLogger(IndexingWorkers.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject ExtractionQueue queue;
  @Inject VersionContent content;
  @Inject TextSink textSink;
  @Inject SubjectKeys keys;
  @Inject DocumentSettings settings;
  @Inject ContentInspection inspection;

  @Resource ManagedThreadFactory threads;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> running = new ArrayList<>();
  private volatile boolean stopping;
  private long wakeups;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    int n = settings.indexingWorkers();
    for (int i = 0; i < n; i++) {
      Thread t = threads.newThread(this::loop);
      t.setName("zhusan-indexing-" + (i + 1));
      t.setDaemon(true);
      running.add(t);
      t.start();
    }
    LOG.info(
        "Indexing after commit: "
            + n
            + " worker(s)"
            + (n == 0 ? " (vault.indexing.workers=0: uploads stay queued)" : "")
            + ", "
            + queue.pending()
            + " version(s) queued");
  }

  @PreDestroy
  void stop() {
    stopping = true;
    wake();
    running.forEach(Thread::interrupt);
  }

  /** Called when an upload committed: a worker looks at once. */
  public void wake() {
    lock.lock();
    try {
      wakeups++;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    String worker = instance + "/" + Thread.currentThread().getName();
    while (!stopping) {
      long seen = wakeupsNow();
      boolean didWork;
      try {
        didWork = takeOne(worker);
      } catch (RuntimeException e) {
        LOG.warning(
            "Indexing worker: " + e.getClass().getSimpleName() + "; retrying after the interval");
        didWork = false;
      }
      if (!didWork) {
        awaitWork(seen);
      }
    }
  }

  private long wakeupsNow() {
    lock.lock();
    try {
      return wakeups;
    } finally {
      lock.unlock();
    }
  }

  private void awaitWork(long seen) {
    lock.lock();
    try {
      if (wakeups == seen && !stopping) {
        work.await(settings.indexingPollInterval().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    } finally {
      lock.unlock();
    }
  }

  /** Claims and processes one item; false if there was none. */
  boolean takeOne(String worker) {
    Duration lease = lease();
    Optional<ExtractionQueue.Claim> claimed = queue.claim(worker, lease);
    if (claimed.isEmpty()) {
      return false;
    }
    ExtractionQueue.Claim claim = claimed.get();
    UUID versionId = claim.versionId();
    DocumentVersion version = em.find(DocumentVersion.class, versionId);
    Document doc = em.find(Document.class, version.documentId());
    UUID subject = doc.subjectId();
    KeyScope owner = doc.keyScope();
    if (claim.attempts() > settings.indexingMaxAttempts()) {
      LOG.warning("Version " + versionId + ": extraction failed on every attempt; NOT_INDEXED");
      queue.complete(versionId, owner, failed(Reason.ATTEMPTS_EXHAUSTED));
      return true;
    }
    if (keys.isShredded(subject)) {
      queue.complete(versionId, owner, failed(Reason.SHREDDED));
      return true;
    }
    var sink = textSink.open(subject, doc.id(), versionId, doc.type().name());
    ExtractionResult result;
    try {
      result =
          content.extract(
              VersionContent.Location.of(doc, version),
              new DetectedType(version.mediaType()),
              sink,
              (done, total) -> queue.progress(versionId, done, total, lease));
    } catch (IOException | SQLException e) {
      LOG.severe("Version " + versionId + ": stored content could not be read; NOT_INDEXED");
      result = failed(Reason.UNREADABLE);
    } catch (RuntimeException e) {
      textSink.discard(versionId);
      throw e;
    }
    queue.complete(versionId, owner, result);
    LOG.fine("Version " + versionId + " extracted: " + result.status());
    return true;
  }

  /** Long enough for one extraction at its limit, and for starting a child before it. */
  private Duration lease() {
    return inspection.extractor().limits().timeout().multipliedBy(2).plusMinutes(1);
  }

  private static ExtractionResult failed(Reason reason) {
    return ExtractionResult.notIndexed(reason, Map.of(), 0);
  }
}
