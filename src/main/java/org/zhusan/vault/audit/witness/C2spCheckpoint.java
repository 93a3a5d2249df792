package org.zhusan.vault.audit.witness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.zhusan.vault.audit.tree.Checkpoint;

/**
 * The text of a c2sp.org/tlog-checkpoint note: {@code <origin>\n<size>\n<base64 root>\n} and
 * optional extension lines. Standard tooling (witnesses, monitors) reads the first three lines and
 * treats extension lines as opaque.
 *
 * <h2>How a vault checkpoint is carried</h2>
 *
 * <p>The vault's {@link Checkpoint} body is {@code origin, size, root, timestamp}, one per line.
 * Its first three lines are exactly a C2SP checkpoint's, so the timestamp line is simply its one
 * extension line: {@link #of(Checkpoint)} yields a text byte-identical to {@link
 * Checkpoint#body()}. That is deliberate: the signature the vault has always made over the body is
 * a valid signed-note signature over the C2SP text, so old checkpoints convert to notes without the
 * private key, and one signature serves both formats. {@link #toCheckpoint()} reverses it and
 * requires exactly that one extension line.
 *
 * <p>Parsing is strict (canonical decimal and base64, non-empty lines, no control characters), so
 * each checkpoint has one text. Immutable; the root is copied in and out.
 *
 * @param origin the log's identity (first line), non-empty
 * @param size the number of leaves
 * @param rootHash the 32-byte RFC 6962 / 9162 root
 * @param extensions the extension lines, each non-empty, without newlines
 */
public record C2spCheckpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

  /** Checks the invariants listed on the type. */
  public C2spCheckpoint {
    checkLine(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
    Objects.requireNonNull(rootHash, "rootHash is required.");
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("rootHash must be 32 bytes");
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
    extensions.forEach(line -> checkLine(line, "extension line"));
  }

  /** The C2SP text of a vault checkpoint: its timestamp is the one extension line. */
  public static C2spCheckpoint of(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    return new C2spCheckpoint(
        checkpoint.origin(),
        checkpoint.size(),
        checkpoint.rootHash(),
        List.of(Checkpoint.formatTimestamp(checkpoint.timestamp())));
  }

  /**
   * Parses a checkpoint note text.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static C2spCheckpoint parse(String text) {
    Objects.requireNonNull(text, "text is required.");
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("checkpoint text must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new IllegalArgumentException("checkpoint text needs origin, size and root lines");
    }
    for (String line : lines) {
      if (line.isEmpty()) {
        throw new IllegalArgumentException("checkpoint text must not contain empty lines");
      }
    }
    return new C2spCheckpoint(
        lines[0],
        Text.decimal(lines[1], "checkpoint size"),
        Text.hash(lines[2], "checkpoint root"),
        new ArrayList<>(Arrays.asList(lines).subList(3, lines.length)));
  }

  /** The note text: the three lines, then the extension lines, each ending in a newline. */
  public String text() {
    StringBuilder out =
        new StringBuilder()
            .append(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(Base64.getEncoder().encodeToString(rootHash))
            .append('\n');
    extensions.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  /**
   * The vault checkpoint this text carries.
   *
   * @throws IllegalArgumentException unless there is exactly one extension line, a canonical
   *     timestamp, and the origin is one a vault checkpoint allows
   */
  public Checkpoint toCheckpoint() {
    if (extensions.size() != 1) {
      throw new IllegalArgumentException(
          "a vault checkpoint has exactly one extension line (its timestamp), got "
              + extensions.size());
    }
    Instant timestamp = Checkpoint.parseTimestamp(extensions.get(0));
    return new Checkpoint(origin, size, rootHash, timestamp);
  }

  /** Returns a copy of the root hash. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof C2spCheckpoint other
        && origin.equals(other.origin)
        && size == other.size
        && Arrays.equals(rootHash, other.rootHash)
        && extensions.equals(other.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
  }

  @Override
  public String toString() {
    return "C2spCheckpoint[" + text().replace('\n', ' ').trim() + "]";
  }

  private static void checkLine(String line, String what) {
    Objects.requireNonNull(line, what + " is required.");
    if (line.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " must be one line");
    }
    Text.checkNoControlCharacters(line, what);
  }
}
