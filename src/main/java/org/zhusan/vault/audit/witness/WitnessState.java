package org.zhusan.vault.audit.witness;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.zhusan.vault.audit.tree.Rfc9162Hasher;

/**
 * What a witness remembers about its log: the size and root of the latest checkpoint it co-signed,
 * and that checkpoint's note (evidence of what the log signed). A witness that never co-signed is
 * at size 0 with the empty root and no note.
 *
 * <p>Text form ({@link #format()}, what {@link WitnessStateFile} stores):
 *
 * <pre>
 *   zhusan-witness-state/v1\n
 *   size &lt;decimal&gt;\n
 *   root &lt;base64&gt;\n
 *   \n
 *   &lt;the co-signed note, as received and with the cosignature added&gt;   (absent at size 0)
 * </pre>
 *
 * <p>Immutable.
 *
 * @param size the size of the latest co-signed checkpoint
 * @param rootHash its root
 * @param note its note, empty only for the initial state
 */
public record WitnessState(long size, byte[] rootHash, Optional<SignedNote> note) {

  private static final String HEADER = "zhusan-witness-state/v1\n";

  /** Checks the invariants: size and root agree with the note's checkpoint. */
  public WitnessState {
    Objects.requireNonNull(rootHash, "rootHash is required.");
    Objects.requireNonNull(note, "note is required.");
    if (size < 0 || rootHash.length != Rfc9162Hasher.HASH_SIZE) {
      throw new IllegalArgumentException("need size >= 0 and a 32-byte root");
    }
    rootHash = rootHash.clone();
    if (note.isPresent()) {
      C2spCheckpoint checkpoint = C2spCheckpoint.parse(note.get().text());
      if (checkpoint.size() != size || !Arrays.equals(checkpoint.rootHash(), rootHash)) {
        throw new IllegalArgumentException("state does not match its note");
      }
    } else if (size != 0 || !Arrays.equals(rootHash, Rfc9162Hasher.sha256().emptyRoot())) {
      throw new IllegalArgumentException("a state without a note is the empty tree");
    }
  }

  /** The state of a witness that has co-signed nothing yet. */
  public static WitnessState initial() {
    return new WitnessState(0, Rfc9162Hasher.sha256().emptyRoot(), Optional.empty());
  }

  /** The state after co-signing {@code note}. */
  public static WitnessState cosigned(SignedNote note) {
    C2spCheckpoint checkpoint = C2spCheckpoint.parse(note.text());
    return new WitnessState(checkpoint.size(), checkpoint.rootHash(), Optional.of(note));
  }

  /** Returns a copy of the root. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The text form described on the type. */
  public String format() {
    return HEADER
        + "size "
        + size
        + "\nroot "
        + Base64.getEncoder().encodeToString(rootHash)
        + "\n\n"
        + note.map(SignedNote::format).orElse("");
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException if it is malformed or inconsistent
   */
  public static WitnessState parse(String text) {
    Objects.requireNonNull(text, "text is required.");
    if (!text.startsWith(HEADER)) {
      throw new IllegalArgumentException("not a witness state file");
    }
    String[] head = text.substring(HEADER.length()).split("\n", 4);
    if (head.length < 3
        || !head[0].startsWith("size ")
        || !head[1].startsWith("root ")
        || !head[2].isEmpty()) {
      throw new IllegalArgumentException("malformed witness state");
    }
    long size = Text.decimal(head[0].substring(5), "state size");
    byte[] root = Text.hash(head[1].substring(5), "state root");
    String rest = head.length == 4 ? head[3] : "";
    Optional<SignedNote> note =
        rest.isEmpty() ? Optional.empty() : Optional.of(SignedNote.parse(rest));
    return new WitnessState(size, root, note);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessState other
        && size == other.size
        && Arrays.equals(rootHash, other.rootHash)
        && note.equals(other.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, Arrays.hashCode(rootHash), note);
  }

  @Override
  public String toString() {
    return "WitnessState[size="
        + size
        + ", root="
        + Base64.getEncoder().encodeToString(rootHash)
        + "]";
  }
}
