package org.zhusan.vault.audit;

/** What became of one access decision; the names appear verbatim in the access log. */
public enum Outcome {
  /** The policy allowed it and the action took place. */
  ALLOWED,
  /** The policy refused it; nothing was done. */
  DENIED,
  /**
   * The policy allowed it but the action failed part-way (its ALLOWED entry rolled back with it).
   */
  FAILED
}
