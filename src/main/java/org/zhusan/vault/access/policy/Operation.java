package org.zhusan.vault.access.policy;

/** What a user does with a document's content. */
public enum Operation {
  /** Open (download, preview, search the text of) a document or one of its versions. */
  READ,
  /** Upload a new document or a new version of one. */
  WRITE;

  /** The lower-case name used in rule names ({@code read}, {@code write}). */
  public String ruleName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
