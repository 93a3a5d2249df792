package org.zhusan.vault.crypto;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The one holder of raw key bytes in the vault.
 *
 * <p>Security: the bytes are copied in and copied out (callers can never alias the internal array),
 * {@link #toString()} never prints them, and comparison is constant-time ({@link
 * #equalsSecretBytes}). {@link Object#equals} is deliberately left as identity so that secrets are
 * never used as map keys or compared with a short-circuiting {@code Arrays.equals}. The class is
 * package-private, so no code outside {@code org.zhusan.vault.crypto} can read key material.
 *
 * <p>Limitation: the JVM may copy or retain the bytes (garbage collection, {@code SecretKeySpec}
 * copies), so zeroing would give no guarantee; keys are instead kept in memory only briefly (see
 * {@link DataKeyCache}).
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class SecretBytes {
  private final byte[] bytes;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes} into a new holder. */
  static SecretBytes copyOf(byte[] bytes) {
    Objects.requireNonNull(bytes, "key bytes are required.");
    return new SecretBytes(bytes.clone());
  }

  /** Fresh random bytes from the shared {@link java.security.SecureRandom}. */
  static SecretBytes random(int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("length must be positive.");
    }
    return new SecretBytes(Randomness.bytes(length));
  }

  /** Number of key bytes. */
  int size() {
    return bytes.length;
  }

  /** A fresh copy of the key bytes; the caller should overwrite it once done. */
  byte[] toByteArray() {
    return bytes.clone();
  }

  /** Constant-time comparison of the key bytes (time depends only on the lengths). */
  boolean equalsSecretBytes(SecretBytes other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, redacted]";
  }
}
