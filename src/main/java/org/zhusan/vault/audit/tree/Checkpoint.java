package org.zhusan.vault.audit.tree;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A checkpoint: the log's statement that, at {@code timestamp}, the tree of its first {@code size}
 * entries had root {@code rootHash}. A {@link SignedCheckpoint} carries the log's Ed25519 signature
 * over the {@linkplain #body() body text}.
 *
 * <h2>Body (the signed bytes)</h2>
 *
 * <p>Modelled on the transparency-dev checkpoint / signed-note body: four lines, each ending in a
 * single {@code \n} (0x0A), encoded in UTF-8 (all ASCII in practice):
 *
 * <pre>
 *   &lt;origin&gt;\n           the log's name, e.g. "zhusan-vault/audit-log/v1"
 *   &lt;size&gt;\n             decimal, no sign, no leading zeros ("0" for the empty log)
 *   &lt;root&gt;\n             standard base64 (RFC 4648 §4, with padding) of the 32-byte root hash
 *   &lt;timestamp&gt;\n        RFC 3339 UTC as java.time ISO_INSTANT prints it, e.g. 2025-11-25T06:36:00.123456Z
 * </pre>
 *
 * <p>{@link #parseBody(String)} accepts only this exact form (the unique canonical text of a
 * checkpoint), so a signature over a body can always be checked by rebuilding the body.
 *
 * <p>Invariants: origin is 1–255 printable ASCII characters (0x20–0x7E) that neither begin nor end
 * with a space; {@code size >= 0}; the root hash is 32 bytes; the timestamp has microsecond
 * precision. Immutable and thread-safe (the root is copied in and out).
 *
 * @param origin the log's name; binds a signature to this log
 * @param size number of entries covered
 * @param rootHash RFC 9162 root hash of entries {@code 0 … size-1}
 * @param timestamp when the checkpoint was made
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {

  /** Longest origin accepted. */
  public static final int MAX_ORIGIN_LENGTH = 255;

  /** Checks the invariants listed on the type and copies the root. */
  public Checkpoint {
    checkOrigin(origin);
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    Objects.requireNonNull(rootHash, "rootHash is required.");
    if (rootHash.length != Rfc9162Hasher.HASH_SIZE) {
      throw new IllegalArgumentException("rootHash must be 32 bytes, got " + rootHash.length);
    }
    rootHash = rootHash.clone();
    Objects.requireNonNull(timestamp, "timestamp is required.");
    if (timestamp.getNano() % 1_000 != 0) {
      throw new IllegalArgumentException(
          "timestamp must have microsecond precision, got " + timestamp);
    }
  }

  /** Returns a copy of the root hash. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** Returns the canonical body text described on the type. */
  public String body() {
    return origin
        + "\n"
        + size
        + "\n"
        + Base64.getEncoder().encodeToString(rootHash)
        + "\n"
        + formatTimestamp(timestamp)
        + "\n";
  }

  /** Returns the canonical body as UTF-8 bytes: exactly what is signed. */
  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a canonical body.
   *
   * @throws IllegalArgumentException if {@code body} is not exactly the body of a valid checkpoint
   */
  public static Checkpoint parseBody(String body) {
    Objects.requireNonNull(body, "body is required.");
    if (!body.endsWith("\n")) {
      throw new IllegalArgumentException("checkpoint body must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 4) {
      throw new IllegalArgumentException("checkpoint body must have 4 lines, got " + lines.length);
    }
    Checkpoint checkpoint =
        new Checkpoint(
            lines[0], parseSize(lines[1]), parseBase64Hash(lines[2]), parseTimestamp(lines[3]));
    if (!checkpoint.body().equals(body)) {
      throw new IllegalArgumentException("checkpoint body is not in canonical form");
    }
    return checkpoint;
  }

  /** Formats an instant the way checkpoint bodies and exports write it (ISO_INSTANT, UTC). */
  public static String formatTimestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Parses a timestamp written by {@link #formatTimestamp}, rejecting any other spelling of the
   * same instant (so that the text is canonical).
   *
   * @throws IllegalArgumentException if the text is not canonical
   */
  public static Instant parseTimestamp(String text) {
    Objects.requireNonNull(text, "text is required.");
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 UTC instant: " + text, e);
    }
    if (!formatTimestamp(instant).equals(text)) {
      throw new IllegalArgumentException("timestamp not in canonical form: " + text);
    }
    return instant;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint other
        && origin.equals(other.origin)
        && size == other.size
        && Arrays.equals(rootHash, other.rootHash)
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), timestamp);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + body().replace('\n', ' ').trim() + "]";
  }

  private static void checkOrigin(String origin) {
    Objects.requireNonNull(origin, "origin is required.");
    if (origin.isEmpty() || origin.length() > MAX_ORIGIN_LENGTH) {
      throw new IllegalArgumentException("origin must be 1-" + MAX_ORIGIN_LENGTH + " characters");
    }
    for (int i = 0; i < origin.length(); i++) {
      char c = origin.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("origin must be printable ASCII");
      }
    }
    if (origin.startsWith(" ") || origin.endsWith(" ")) {
      throw new IllegalArgumentException("origin must not begin or end with a space");
    }
  }

  private static long parseSize(String text) {
    if (text.isEmpty()
        || text.length() > 19
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new IllegalArgumentException("checkpoint size is not a canonical decimal: " + text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint size out of range: " + text, e);
    }
  }

  private static byte[] parseBase64Hash(String text) {
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint root is not base64", e);
    }
    if (hash.length != Rfc9162Hasher.HASH_SIZE) {
      throw new IllegalArgumentException("checkpoint root must be 32 bytes, got " + hash.length);
    }
    return hash;
  }
}
