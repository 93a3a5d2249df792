package org.zhusan.vault.crypto;

import java.util.Objects;

/**
 * A 256-bit data-encryption key (DEK): the per-subject key under which that subject's fields and
 * document content are encrypted. A DEK is stored only wrapped by a key-encryption key ({@link
 * DataKeyWrapper}); destroying the wrapped copy crypto-shreds everything encrypted under it.
 *
 * <p>Security: opaque; the key bytes are reachable only from inside this package. {@link
 * #toString()} is redacted and {@link #equalsDataKey} compares in constant time ({@code equals} is
 * identity).
 *
 * <p>Thread safety: immutable.
 */
public final class DataKey {
  /** Key length in bytes (AES-256). */
  static final int SIZE_BYTES = 32;

  private final SecretBytes secret;

  private DataKey(SecretBytes secret) {
    if (secret.size() != SIZE_BYTES) {
      throw new IllegalArgumentException("data keys are " + SIZE_BYTES + " bytes");
    }
    this.secret = secret;
  }

  /** A fresh random data key from the shared {@link java.security.SecureRandom}. */
  public static DataKey generate() {
    return new DataKey(SecretBytes.random(SIZE_BYTES));
  }

  static DataKey of(SecretBytes secret) {
    return new DataKey(Objects.requireNonNull(secret, "secret is required."));
  }

  SecretBytes secret() {
    return secret;
  }

  /** Constant-time comparison of the key material. */
  boolean equalsDataKey(DataKey other) {
    return other != null && secret.equalsSecretBytes(other.secret);
  }

  @Override
  public String toString() {
    return "DataKey[redacted]";
  }
}
