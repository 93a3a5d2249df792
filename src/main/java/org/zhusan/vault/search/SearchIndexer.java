package org.zhusan.vault.search;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.zhusan.vault.documents.TextSink;

/**
 * The search side of an upload: receives the extracted text of a new document version in chunks (on
 * the request thread), turns it into blind-token frequencies as it arrives ({@link
 * TermFrequencies.Builder}: stems exist only inside the builder), and in {@link #finish} — still in
 * the upload's transaction — writes the tokens and the version's index state ({@link
 * VersionIndexing}). So a version and its index commit together or not at all.
 *
 * <p>Replaces {@code DiscardingTextSink} as the application's {@link TextSink} (enabled
 * alternative). Per-upload state is keyed by version id and dropped in {@link #finish}, or when the
 * transaction ends if the upload failed before {@link #finish} was reached. Text, stems and words
 * are never logged or stored; when extraction did not succeed ({@code extracted == false}) whatever
 * arrived is discarded and the version is recorded NOT_INDEXED. If the analysis itself fails, the
 * version is still stored and recorded FAILED (re-indexing retries it).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class SearchIndexer implements TextSink {
  @Inject VersionIndexing indexing;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<UUID, VersionIndexing.Pending> pending = new ConcurrentHashMap<>();

  @Override
  public Consumer<String> open(
      UUID subjectId, UUID documentId, UUID versionId, String documentType) {
    Objects.requireNonNull(versionId, "versionId is required.");
    VersionIndexing.Pending p = indexing.start(versionId);
    pending.put(versionId, p);
    forgetWhenTransactionEnds(versionId);
    return p;
  }

  @Override
  public void finish(UUID versionId, boolean extracted) {
    indexing.finish(versionId, pending.remove(versionId), extracted);
  }

  @Override
  public void discard(UUID versionId) {
    pending.remove(versionId);
  }

  /** Number of uploads being indexed right now (for tests and diagnostics). */
  int inFlight() {
    return pending.size();
  }

  private void forgetWhenTransactionEnds(UUID versionId) {
    try {
      if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
        transactions.registerInterposedSynchronization(
            new Synchronization() {
              @Override
              public void beforeCompletion() {}

              @Override
              public void afterCompletion(int status) {
                pending.remove(versionId);
              }
            });
      }
    } catch (RuntimeException e) {
      // No transaction to follow: finish() removes the entry.
    }
  }
}
