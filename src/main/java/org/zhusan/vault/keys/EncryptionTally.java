package org.zhusan.vault.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The data-key encryptions one transaction has planned so far, per key owner, not yet written to
 * {@code data_key.encryptions}. {@link DataKeyUsage} keeps one per transaction and writes it just
 * before the commit, so that a transaction that seals many fields and content streams costs one
 * {@code UPDATE} per key instead of one per seal, yet its count still commits with (and only with)
 * what it sealed.
 *
 * <p>The limit check counts what this transaction already planned: {@code persisted + planned + n}
 * must stay within the limit, where {@code persisted} is the count read when the transaction loaded
 * the key. Concurrent transactions are bounded by the {@code UPDATE} itself, which refuses to raise
 * a count past the limit (see {@link DataKeyUsage}).
 */
final class EncryptionTally {
  private final Map<UUID, Long> planned = new LinkedHashMap<>();
  private boolean written;

  /**
   * Adds {@code n} planned encryptions under {@code owner}'s key, or returns false (adding nothing)
   * if that would take the key past {@code max}.
   */
  boolean add(UUID owner, long persisted, int n, long max) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive");
    }
    long already = planned.getOrDefault(owner, 0L);
    if (persisted + already + n > max) {
      return false;
    }
    planned.put(owner, already + n);
    return true;
  }

  /** Planned encryptions of {@code owner} in this transaction so far. */
  long planned(UUID owner) {
    return planned.getOrDefault(owner, 0L);
  }

  /**
   * True once {@link #drain} ran: later encryptions of this transaction must be written at once.
   */
  boolean written() {
    return written;
  }

  /** What to write (owner → encryptions), once; the tally is closed afterwards. */
  Map<UUID, Long> drain() {
    written = true;
    Map<UUID, Long> now = Map.copyOf(planned);
    planned.clear();
    return now;
  }
}
