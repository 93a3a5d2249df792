package org.zhusan.vault.audit.verify;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The first problem an {@link OfflineLogVerifier} found in an export: what kind of tampering or
 * damage it indicates, which entries (by sequence number) and/or which checkpoint (by size) it
 * names, the export line where it was detected, and a sentence for a human.
 *
 * <p>The kinds and the rules that choose them are documented on {@link Kind} and in {@code
 * docs/audit-log.md}. Immutable.
 */
public final class Finding {

  /** What a finding means. */
  public enum Kind {
    /** A line is not a valid entry or checkpoint line (bad JSON, missing field, invalid value). */
    MALFORMED_LINE,
    /** Entries are missing: a gap in the sequence, or a break that only a removal explains. */
    ENTRY_REMOVED,
    /** An entry is present that the original log did not have at that place. */
    ENTRY_INSERTED,
    /** Entries are present but in another order than the original log's. */
    ENTRIES_REORDERED,
    /** An entry's content differs from what its successor's chain link recorded. */
    ENTRY_ALTERED,
    /** The chain is broken between two entries and no single explanation fits the evidence. */
    CHAIN_BROKEN,
    /** A checkpoint's signature does not verify with the public key: forged or altered. */
    CHECKPOINT_BAD_SIGNATURE,
    /** A correctly signed checkpoint belongs to a different log (origin) than the others. */
    CHECKPOINT_WRONG_ORIGIN,
    /**
     * A correctly signed checkpoint's root differs from the root recomputed from the entries: some
     * entry it covers was altered, inserted, removed or reordered with the chain rewritten to hide
     * it. The range names where the earliest change must lie.
     */
    CHECKPOINT_ROOT_MISMATCH,
    /** A checkpoint appears after more entries than its size: entries were inserted before it. */
    CHECKPOINT_OUT_OF_PLACE,
    /** A signed checkpoint covers more entries than the export holds: the tail was cut off. */
    TRUNCATED,
    /** Entries at the end are not covered by any signed checkpoint, so nothing vouches for them. */
    UNSIGNED_TAIL
  }

  private final Kind kind;
  private final long line;
  private final EntryRange entries;
  private final Long checkpointSize;
  private final String message;
  private final String unit;

  /**
   * Creates a finding.
   *
   * @param line 1-based export line where the problem was detected, 0 if none (end of export or the
   *     trusted checkpoint)
   * @param entries the entries named, or null
   * @param checkpointSize the size of the checkpoint named, or null
   */
  Finding(Kind kind, long line, EntryRange entries, Long checkpointSize, String message) {
    this(kind, line, entries, checkpointSize, message, "line");
  }

  /**
   * Creates a finding whose position is counted in {@code unit}s: "line" in a JSON Lines export,
   * "record" in a binary one.
   */
  Finding(
      Kind kind, long line, EntryRange entries, Long checkpointSize, String message, String unit) {
    this.unit = Objects.requireNonNull(unit, "unit is required.");
    this.kind = Objects.requireNonNull(kind, "kind is required.");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0");
    }
    this.line = line;
    this.entries = entries;
    this.checkpointSize = checkpointSize;
    this.message = Objects.requireNonNull(message, "message is required.");
  }

  /** Returns what the finding means. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the 1-based export line (binary export: record) where the problem was detected, or 0 if
   * not tied to one.
   */
  public long line() {
    return line;
  }

  /** Returns the entries the finding names (a single entry when it can be pinned down). */
  public Optional<EntryRange> entries() {
    return Optional.ofNullable(entries);
  }

  /** Returns the size of the checkpoint the finding names, if any. */
  public OptionalLong checkpointSize() {
    return checkpointSize == null ? OptionalLong.empty() : OptionalLong.of(checkpointSize);
  }

  /** Returns a sentence for a human reader. */
  public String message() {
    return message;
  }

  /**
   * Returns e.g. {@code "line 503: ENTRY_ALTERED: entry 500 was altered …"} ({@code "record 503:
   * …"} for a binary export).
   */
  @Override
  public String toString() {
    return (line > 0 ? unit + " " + line + ": " : "") + kind + ": " + message;
  }
}
