package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status bookkeeping uploads and re-indexing share; the store is a recording fake. */
class VersionIndexingTest {
  private final TermAnalyzer analyzer = new TermAnalyzer();
  private final RecordingStore store = new RecordingStore();
  private final VersionIndexing indexing = new VersionIndexing();
  private final UUID version = UUID.randomUUID();

  VersionIndexingTest() {
    indexing.store = store;
    indexing.engine =
        new SearchEngine() {
          @Override
          public TermFrequencies.Builder newIndex() {
            return TermFrequencies.builder(analyzer, SearchFixtures.tokens());
          }
        };
  }

  @AfterEach
  void close() {
    analyzer.close();
  }

  @Test
  void extractedTextIsIndexed() {
    VersionIndexing.Pending pending = indexing.start(version);
    pending.accept("The court heard the appeal. ");
    pending.accept("Суд рассмотрел жалобу.");
    assertEquals(SearchIndexStore.Status.INDEXED, indexing.finish(version, pending, true));
    assertEquals(List.of("INDEXED"), store.statuses);
    assertTrue(store.indexed.distinctTerms() > 0);
  }

  @Test
  void whateverArrivedIsDiscardedWhenExtractionDidNotSucceed() {
    VersionIndexing.Pending pending = indexing.start(version);
    pending.accept("partial text");
    assertEquals(SearchIndexStore.Status.NOT_INDEXED, indexing.finish(version, pending, false));
    assertEquals(List.of("NOT_INDEXED"), store.statuses);
    assertNull(store.indexed);
  }

  @Test
  void aVersionNeverStartedOrUnreadableIsFailed() {
    assertEquals(SearchIndexStore.Status.FAILED, indexing.finish(version, null, true));
    assertEquals(SearchIndexStore.Status.FAILED, indexing.unreadable(version));
    assertEquals(List.of("FAILED", "FAILED"), store.statuses);
    assertNull(store.indexed);
  }

  @Test
  void anAnalysisFailureIsRecordedFailedWithoutStoppingExtraction() {
    VersionIndexing.Pending pending = indexing.start(version);
    pending.accept(null); // nothing to analyse: not a failure
    pending.accept("");
    pending.accept("fine words ");
    analyzer.close(); // from now on analysis throws, on a later chunk or when the index is built
    pending.accept(
        "more words that can no longer be analysed"); // does not throw into the extractor
    assertEquals(SearchIndexStore.Status.FAILED, indexing.finish(version, pending, true));
    assertEquals(List.of("FAILED"), store.statuses);
    assertNull(store.indexed);
  }

  /** Records what would have been written. */
  private static final class RecordingStore extends SearchIndexStore {
    final List<String> statuses = new ArrayList<>();
    TermFrequencies indexed;

    @Override
    public void writeIndexed(UUID versionId, TermFrequencies index) {
      statuses.add("INDEXED");
      indexed = index;
    }

    @Override
    public void writeWithoutTokens(UUID versionId, Status status) {
      statuses.add(status.name());
    }
  }
}
