package org.zhusan.vault.audit.tree;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A {@link Checkpoint} with the log's Ed25519 signature over its {@linkplain Checkpoint#bodyBytes()
 * body}. Holding one proves nothing by itself: check it with a {@link CheckpointVerifier}.
 *
 * <p>Immutable and thread-safe (the signature is copied in and out).
 *
 * @param checkpoint the signed statement
 * @param signature the 64-byte Ed25519 signature (RFC 8032) of {@code checkpoint.bodyBytes()}
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature) {

  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_SIZE = 64;

  /** Checks that both parts are present and the signature is 64 bytes, and copies it. */
  public SignedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    Objects.requireNonNull(signature, "signature is required.");
    if (signature.length != SIGNATURE_SIZE) {
      throw new IllegalArgumentException(
          "Ed25519 signature must be 64 bytes, got " + signature.length);
    }
    signature = signature.clone();
  }

  /** Returns a copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedCheckpoint other
        && checkpoint.equals(other.checkpoint)
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return 31 * checkpoint.hashCode() + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "SignedCheckpoint["
        + checkpoint
        + ", signature="
        + Base64.getEncoder().encodeToString(signature)
        + "]";
  }
}
