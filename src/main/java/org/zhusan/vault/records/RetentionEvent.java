package org.zhusan.vault.records;

/** The dated event that starts a retention clock. */
public enum RetentionEvent {
  /** The document's creation in the vault. */
  DOCUMENT_CREATED,
  /** The subject's programme closed: the date of their stage transition to CLOSED. */
  PROGRAMME_CLOSED,
  /** The subject's court case closed: the latest CASE_CLOSED event recorded on the subject. */
  CASE_CLOSED
}
