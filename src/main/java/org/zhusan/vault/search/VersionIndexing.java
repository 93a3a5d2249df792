package org.zhusan.vault.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * "Index this version", for uploads ({@link SearchIndexer}) and re-indexing ({@link ReindexWork})
 * alike: the extracted text goes into a {@link Pending} index as it arrives, and {@link #finish}
 * writes the tokens and the version's state ({@link SearchIndexStore}) on the caller's transaction:
 *
 * <ul>
 *   <li>INDEXED: text extracted and analysed;
 *   <li>NOT_INDEXED: extraction did not succeed (refused, failed, a scan without OCR); whatever
 *       text arrived is discarded;
 *   <li>FAILED: the analysis threw, or the content could not be read ({@link #unreadable}); the
 *       version is still stored and a re-index retries it.
 * </ul>
 *
 * Text, stems and words are never logged or stored in plaintext; log lines name version ids only.
 */
@ApplicationScoped
public class VersionIndexing {
  private static final Logger LOG = Logger.getLogger(VersionIndexing.class.getName());

  @Inject SearchEngine engine;
  @Inject SearchIndexStore store;

  /**
   * One version's index in the making: takes text chunks (stems exist only inside its {@link
   * TermFrequencies.Builder}); an analysis failure is remembered, not thrown, so extraction runs
   * on.
   */
  public static final class Pending implements Consumer<String> {
    private final UUID versionId;
    private final TermFrequencies.Builder builder;
    private volatile boolean failed;

    private Pending(UUID versionId, TermFrequencies.Builder builder) {
      this.versionId = versionId;
      this.builder = builder;
    }

    @Override
    public void accept(String chunk) {
      if (failed || chunk == null || chunk.isEmpty()) {
        return;
      }
      try {
        builder.add(chunk);
      } catch (RuntimeException e) {
        failed = true;
        LOG.warning(
            "Search analysis of version "
                + versionId
                + " failed ("
                + e.getClass().getSimpleName()
                + "); the version will be recorded FAILED");
      }
    }
  }

  /** A new index for {@code versionId} under the primary blind-index key. */
  public Pending start(UUID versionId) {
    return new Pending(
        Objects.requireNonNull(versionId, "versionId is required."), engine.newIndex());
  }

  /**
   * Records how indexing of {@code versionId} ended and returns its status: the tokens of {@code
   * pending} if extraction succeeded and analysis did not fail; otherwise no tokens. A missing
   * {@code pending} (never started) is FAILED.
   */
  public SearchIndexStore.Status finish(UUID versionId, Pending pending, boolean extracted) {
    if (!extracted) {
      store.writeWithoutTokens(versionId, SearchIndexStore.Status.NOT_INDEXED);
      return SearchIndexStore.Status.NOT_INDEXED;
    }
    if (pending == null || pending.failed) {
      return recordFailed(versionId);
    }
    TermFrequencies index;
    try {
      index = pending.builder.build();
    } catch (RuntimeException e) {
      LOG.warning(
          "Search analysis of version "
              + versionId
              + " failed ("
              + e.getClass().getSimpleName()
              + "); recorded FAILED");
      return recordFailed(versionId);
    }
    store.writeIndexed(versionId, index);
    LOG.fine(
        () ->
            "Indexed version "
                + versionId
                + ": "
                + index.distinctTerms()
                + " tokens"
                + (index.truncated() ? " (truncated)" : ""));
    return SearchIndexStore.Status.INDEXED;
  }

  /** Records FAILED for a version whose content could not be read or failed authentication. */
  public SearchIndexStore.Status unreadable(UUID versionId) {
    return recordFailed(versionId);
  }

  private SearchIndexStore.Status recordFailed(UUID versionId) {
    store.writeWithoutTokens(versionId, SearchIndexStore.Status.FAILED);
    return SearchIndexStore.Status.FAILED;
  }
}
