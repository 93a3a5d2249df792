package org.zhusan.vault.access;

import org.zhusan.vault.audit.LoggedAction;

/**
 * Everything the policy decides on; the names appear verbatim in the access log.
 *
 * <p>Whether an action changes state decides how its allowed entry is appended: with the action, in
 * its transaction, or (for one that changes nothing) in a batch committed just before its
 * transaction commits — see {@link org.zhusan.vault.audit.AccessLog}. An action that writes
 * anything, even a record of itself, must be marked as changing state.
 */
public enum Action implements LoggedAction {
  SUBJECT_CREATE(true),
  SUBJECT_READ(false),
  SUBJECT_READ_SENSITIVE(false),
  SUBJECT_UPDATE(true),
  SUBJECT_LIST(false),
  SUBJECT_LOOKUP(false),
  SUBJECT_SHRED(true),
  DOCUMENT_CREATE(true),
  DOCUMENT_LIST(false),
  DOCUMENT_READ(false),
  KEY_STATUS(true), // also covers reloading the keystore
  KEY_ROTATE(true),
  KEY_RETIRE(true),
  LOG_READ(false),
  LOG_EXPORT(false),
  LOG_CHECKPOINT(true),
  LOG_VERIFY(false),
  LOG_REVIEW(true),
  GRANT_CREATE(true),
  GRANT_REVOKE(true),
  GRANT_LIST(false),
  BREAK_GLASS(true),
  SEARCH(true), // records the query
  SEARCH_REINDEX(true),
  // Records governance: decided with the retention file's roles (records.RecordsPolicy).
  RECORD_EVENT(true),
  HOLD_PLACE(true),
  HOLD_RELEASE(true),
  HOLD_LIST(false),
  DISPOSITION_SCAN(true),
  DISPOSITION_LIST(false),
  DISPOSITION_PROPOSE(true),
  DISPOSITION_APPROVE(true),
  DISPOSITION_EXTEND(true),
  DOCUMENT_DESTROY(true),
  CERTIFICATE_READ(false),
  // Consent and disclosure: decided with the policy's matrix and subject rules (disclosure
  // package).
  CONSENT_RECORD(true),
  CONSENT_REVOKE(true),
  CONSENT_LIST(false),
  DISCLOSURE_CREATE(true),
  DISCLOSURE_ACCOUNTING(false),
  // Programme outcomes: decided with the outcomes file (indicators package).
  INDICATOR_RECORD(true),
  INDICATOR_READ(false),
  REPORT_RUN(false);

  private final boolean changesState;

  Action(boolean changesState) {
    this.changesState = changesState;
  }

  @Override
  public boolean changesState() {
    return changesState;
  }
}
