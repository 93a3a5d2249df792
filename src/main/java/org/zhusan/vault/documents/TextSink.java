package org.zhusan.vault.documents;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where extracted text goes: the search indexer. The text is handed over in chunks, in memory, and
 * is otherwise discarded; nothing here may write it anywhere in plaintext.
 */
public interface TextSink {
  /** A consumer for the text of one version; {@link #finish} is called once extraction ends. */
  Consumer<String> open(UUID subjectId, UUID documentId, UUID versionId, String documentType);

  /** Called after extraction, in the transaction that records its outcome. */
  void finish(UUID versionId, boolean extracted);

  /** Drops whatever arrived for the version without writing anything. */
  void discard(UUID versionId);
}
