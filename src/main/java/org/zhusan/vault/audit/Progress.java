package org.zhusan.vault.audit;

/**
 * Receives how far a long pass over the access log has got: {@code done} of {@code total} entries.
 */
@FunctionalInterface
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (done, total) -> {};

  void report(long done, long total);
}
