package org.zhusan.vault.audit.verify;

/**
 * An inclusive range of entry sequence numbers named by a {@link Finding}. Immutable.
 *
 * @param first the first sequence number, {@code >= 0}
 * @param last the last sequence number, {@code >= first}
 */
public record EntryRange(long first, long last) {

  /** Checks {@code 0 <= first <= last}. */
  public EntryRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("need 0 <= first <= last, got " + first + ".." + last);
    }
  }

  /** Returns the range holding only {@code sequence}. */
  public static EntryRange of(long sequence) {
    return new EntryRange(sequence, sequence);
  }

  /** Returns whether {@code sequence} lies in the range. */
  public boolean contains(long sequence) {
    return first <= sequence && sequence <= last;
  }

  /** Returns "entry 5" or "entries 5 to 9". */
  @Override
  public String toString() {
    return first == last ? "entry " + first : "entries " + first + " to " + last;
  }
}
