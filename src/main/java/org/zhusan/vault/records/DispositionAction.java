package org.zhusan.vault.records;

/** What happens when a retention period ends. Neither happens without two people deciding. */
public enum DispositionAction {
  /** Someone reviews the record: destroy it (two people) or keep it longer (with a reason). */
  REVIEW,
  /** The record is destroyed once one person proposes it and another approves. */
  DESTROY
}
