package org.zhusan.vault.audit.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of a c2sp.org/tlog-witness {@code POST <prefix>/add-checkpoint} request:
 *
 * <pre>
 *   old &lt;size&gt;\n
 *   &lt;base64 hash&gt;\n        zero to 63 lines: the RFC 9162 consistency proof from old size
 *   \n
 *   &lt;the signed checkpoint note&gt;
 * </pre>
 *
 * <p>Immutable (the proof hashes are copied in and out).
 *
 * @param oldSize the size of the checkpoint the client believes the witness co-signed last
 * @param consistencyProof the proof from {@code oldSize} to the note's size
 * @param checkpoint the log's signed checkpoint note
 */
public record WitnessRequest(long oldSize, List<byte[]> consistencyProof, SignedNote checkpoint) {

  /** Largest request body accepted, in bytes. */
  public static final int MAX_BYTES = SignedNote.MAX_BYTES + 64 * 64;

  /** Checks the size and the proof, and copies the proof. */
  public WitnessRequest {
    if (oldSize < 0) {
      throw new IllegalArgumentException("oldSize must be >= 0");
    }
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    if (consistencyProof.size() > Witness.MAX_PROOF_HASHES) {
      throw new IllegalArgumentException(
          "a consistency proof has at most " + Witness.MAX_PROOF_HASHES + " hashes");
    }
    List<byte[]> copy = new ArrayList<>(consistencyProof.size());
    for (byte[] hash : consistencyProof) {
      if (hash.length != 32) {
        throw new IllegalArgumentException("proof hashes are 32 bytes");
      }
      copy.add(hash.clone());
    }
    consistencyProof = List.copyOf(copy);
  }

  /** Returns copies of the proof hashes. */
  @Override
  public List<byte[]> consistencyProof() {
    return consistencyProof.stream().map(byte[]::clone).toList();
  }

  /** The request body for these parts, as text. */
  public static String format(long oldSize, List<byte[]> consistencyProof, SignedNote checkpoint) {
    return new WitnessRequest(oldSize, consistencyProof, checkpoint).format();
  }

  /** The request body as text. */
  public String format() {
    StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
    consistencyProof.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
    return out.append('\n').append(checkpoint.format()).toString();
  }

  /** The request body as UTF-8. */
  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a request body.
   *
   * @throws IllegalArgumentException if it is malformed (answer 400)
   */
  public static WitnessRequest parse(byte[] body) {
    Objects.requireNonNull(body, "body is required.");
    if (body.length > MAX_BYTES) {
      throw new IllegalArgumentException("request larger than " + MAX_BYTES + " bytes");
    }
    String text = Text.utf8(body);
    int end = text.indexOf('\n');
    if (end < 0 || !text.startsWith("old ")) {
      throw new IllegalArgumentException("the request must start with an old size line");
    }
    long oldSize = Text.decimal(text.substring(4, end), "old size");
    List<byte[]> proof = new ArrayList<>();
    int start = end + 1;
    while (true) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        throw new IllegalArgumentException("the request has no empty line before the checkpoint");
      }
      if (end == start) {
        break;
      }
      if (proof.size() == Witness.MAX_PROOF_HASHES) {
        throw new IllegalArgumentException(
            "more than " + Witness.MAX_PROOF_HASHES + " consistency proof lines");
      }
      proof.add(Text.hash(text.substring(start, end), "consistency proof line"));
      start = end + 1;
    }
    return new WitnessRequest(oldSize, proof, SignedNote.parse(text.substring(end + 1)));
  }

  @Override
  public String toString() {
    return "WitnessRequest[old " + oldSize + ", " + consistencyProof.size() + " proof hashes]";
  }
}
