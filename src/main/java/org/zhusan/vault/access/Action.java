package org.zhusan.vault.access;

/** Everything the policy decides on; the names appear verbatim in the access log. */
public enum Action {
  SUBJECT_CREATE,
  SUBJECT_READ,
  SUBJECT_READ_SENSITIVE,
  SUBJECT_UPDATE,
  SUBJECT_LIST,
  SUBJECT_LOOKUP,
  SUBJECT_SHRED,
  DOCUMENT_CREATE,
  DOCUMENT_LIST,
  DOCUMENT_READ,
  KEY_STATUS,
  KEY_ROTATE,
  KEY_RETIRE,
  LOG_READ,
  LOG_EXPORT,
  LOG_CHECKPOINT,
  LOG_VERIFY,
  SEARCH,
  SEARCH_REINDEX
}
