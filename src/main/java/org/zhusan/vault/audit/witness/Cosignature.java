package org.zhusan.vault.audit.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * c2sp.org/tlog-cosignature {@code cosignature/v1}: a witness's timestamped Ed25519 statement that,
 * as of a time, the checkpoint is the largest consistent tree head it has seen for that log.
 *
 * <p>Signed message (UTF-8): {@code cosignature/v1\n} {@code time <POSIX seconds>\n}, then the
 * whole checkpoint text (all its lines including extension lines, and its final newline). The first
 * line separates the domain: no checkpoint text begins with it (an origin of {@code cosignature/v1}
 * is refused by {@link #signedMessage}), so a cosignature can never be read as a log's signature.
 * Signature line value: base64(4-byte key ID with type 0x04 || 8-byte big-endian timestamp ||
 * 64-byte Ed25519 signature).
 *
 * <p>Stateless.
 */
public final class Cosignature {

  /** The header line (with its newline). */
  public static final String HEADER = "cosignature/v1\n";

  private static final int TIMESTAMP_SIZE = 8;

  private Cosignature() {}

  /**
   * The bytes a witness signs.
   *
   * @param checkpointText the checkpoint note text, ending in a newline
   * @param timestamp POSIX seconds, {@code >= 0}
   */
  public static byte[] signedMessage(String checkpointText, long timestamp) {
    Objects.requireNonNull(checkpointText, "checkpointText is required.");
    if (!checkpointText.endsWith("\n") || checkpointText.startsWith(HEADER)) {
      throw new IllegalArgumentException("not a checkpoint text");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be >= 0");
    }
    return (HEADER + "time " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
  }

  /** Creates a cosignature of {@code checkpointText} by {@code witness} as of {@code timestamp}. */
  public static NoteSignature create(NoteSigner witness, String checkpointText, long timestamp) {
    return witness.cosign(checkpointText, timestamp);
  }

  /**
   * Whether {@code signature} is a valid cosignature of {@code checkpointText} by {@code
   * witnessKey} (which must be a {@link NoteKeyType#COSIGNATURE_V1} key; name and key ID must
   * match).
   */
  public static boolean verify(
      NoteVerifierKey witnessKey, String checkpointText, NoteSignature signature) {
    if (witnessKey.type() != NoteKeyType.COSIGNATURE_V1) {
      return false;
    }
    return witnessKey.verifies(checkpointText, signature);
  }

  /**
   * The timestamp a cosignature carries.
   *
   * @throws IllegalArgumentException if it is not shaped like one (8 + 64 bytes)
   */
  public static long timestamp(NoteSignature signature) {
    byte[] bytes = signature.signature();
    if (bytes.length != TIMESTAMP_SIZE + Ed25519.SIGNATURE_SIZE) {
      throw new IllegalArgumentException("not a cosignature/v1 signature");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  /**
   * The check behind {@link NoteVerifierKey#verifies} for type 0x04 (name and ID already match).
   */
  static boolean verify(byte[] publicKey, String checkpointText, NoteSignature signature) {
    byte[] bytes = signature.signature();
    if (bytes.length != TIMESTAMP_SIZE + Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    long timestamp = ByteBuffer.wrap(bytes).getLong();
    if (timestamp < 0 || !checkpointText.endsWith("\n") || checkpointText.startsWith(HEADER)) {
      return false;
    }
    return Ed25519.verify(
        publicKey,
        signedMessage(checkpointText, timestamp),
        Arrays.copyOfRange(bytes, TIMESTAMP_SIZE, bytes.length));
  }

  static NoteSignature line(NoteVerifierKey key, long timestamp, byte[] ed25519Signature) {
    byte[] value =
        ByteBuffer.allocate(TIMESTAMP_SIZE + ed25519Signature.length)
            .putLong(timestamp)
            .put(ed25519Signature)
            .array();
    return new NoteSignature(key.name(), key.keyId(), value);
  }
}
