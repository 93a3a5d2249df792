package org.zhusan.vault.documents.content;

/** Progress of one long extraction (an OCR'd scan, page by page), as the child reports it. */
@FunctionalInterface
public interface ExtractionProgress {
  ExtractionProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} pages are extracted. */
  void pages(int done, int total);
}
