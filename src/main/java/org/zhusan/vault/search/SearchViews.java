package org.zhusan.vault.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the search API reads and returns. */
public final class SearchViews {
  private SearchViews() {}

  /**
   * A search, sent as the body of {@code POST /api/search} so that query words never appear in a
   * URL, an HTTP access log or a proxy log.
   *
   * @param q the query (words, AND / OR / NOT, parentheses; docs/search.md §4)
   * @param subject optionally, only documents of this subject (id)
   */
  public record SearchRequest(String q, String subject) {}

  /**
   * One hit: a document version the caller may read.
   *
   * @param documentId the document
   * @param version its version number
   * @param versionId the version's id
   * @param subjectId whose document it is
   * @param type the document type
   * @param score occurrences of the query's positive words in the version
   * @param title the document's title (decrypted for the caller)
   */
  public record SearchHit(
      UUID documentId,
      int version,
      UUID versionId,
      UUID subjectId,
      String type,
      long score,
      String title) {}

  /**
   * Document versions by index state (whole vault).
   *
   * @param versions all stored versions
   * @param indexed indexed with the current token purpose under the primary blind-index key
   * @param stale indexed with an older token purpose or under an older blind-index key (re-index;
   *     still found meanwhile if only the key differs)
   * @param notIndexed no text: extraction refused or failed, or an image without OCR
   * @param failed indexing failed (re-index)
   * @param missing no index state and not queued (stored before search existed; re-index)
   * @param shredded versions of crypto-shredded subjects (never searched; the others count only
   *     live ones)
   * @param queued uploaded and waiting in the extraction queue (indexed after commit)
   */
  public record IndexCounts(
      long versions,
      long indexed,
      long stale,
      long notIndexed,
      long failed,
      long missing,
      long shredded,
      long queued) {}

  /**
   * Search health and metadata.
   *
   * @param ocrEnabled whether scanned images and image-only PDFs are read with tesseract
   * @param ocrLanguages the tesseract languages in use (eng, rus, kaz), empty when OCR is off
   * @param tokenPurpose the current blind-token purpose (analyser generation)
   * @param keyVersion the primary blind-index key version (new tokens are computed under it)
   * @param index versions by index state
   */
  public record SearchStatus(
      boolean ocrEnabled,
      List<String> ocrLanguages,
      String tokenPurpose,
      int keyVersion,
      IndexCounts index) {}

  /**
   * A recorded search, as an auditor reads it.
   *
   * @param id the query id (the access-log entry's target id)
   * @param userId who searched
   * @param at when
   * @param query what was typed
   */
  public record StoredQuery(UUID id, String userId, Instant at, String query) {}
}
