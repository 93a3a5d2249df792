package org.zhusan.vault.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data key encrypted under a key-encryption key: what the key table stores for a subject.
 *
 * <p>{@code ciphertext} is an {@link AesGcmAead} ciphertext (format 0x01, {@value #CIPHERTEXT_SIZE}
 * bytes: 1 format byte, 4-byte KEK version, 12-byte nonce, 32 encrypted key bytes, 16-byte tag)
 * whose associated data binds it to its purpose and owner (see {@link DataKeyWrapper}). {@code
 * kekVersion} repeats the version from the ciphertext header so that the database can find keys
 * still wrapped under an old KEK ({@code WHERE kek_version < primary}); the two must agree or
 * unwrapping fails.
 *
 * <p>Not secret by itself (useless without the KEK), but destroying every copy of it is what
 * crypto-shreds a subject.
 *
 * <p>Thread safety: immutable (defensive copies in and out).
 *
 * @param kekVersion version of the KEK that wrapped the key, positive
 * @param ciphertext the wrapped key
 */
public record WrappedKey(int kekVersion, byte[] ciphertext) {
  /** Length of a wrapped 256-bit data key. */
  public static final int CIPHERTEXT_SIZE = AesGcmAead.OVERHEAD + DataKey.SIZE_BYTES;

  /** Validates and copies. */
  public WrappedKey {
    if (kekVersion < 1) {
      throw new IllegalArgumentException("kekVersion must be positive");
    }
    Objects.requireNonNull(ciphertext, "ciphertext is required.");
    ciphertext = ciphertext.clone();
  }

  /** A copy of the wrapped key bytes. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey other
        && kekVersion == other.kekVersion
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * kekVersion + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "WrappedKey[kekVersion=" + kekVersion + ", " + ciphertext.length + " bytes]";
  }
}
