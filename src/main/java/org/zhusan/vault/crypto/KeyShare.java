package org.zhusan.vault.crypto;

import java.util.Objects;

/**
 * The destructible half of a document's key: 32 random bytes kept outside the database, one per
 * document. A document key is derived from the subject's data key <em>and</em> this share ({@link
 * DocumentKeys}); deleting the share makes the document unrecoverable even from a database backup
 * taken earlier, while the subject's other documents, whose shares remain, stay readable.
 *
 * <p>Security: unlike a data key, a share leaves this package in clear ({@link #toStoredBytes()}),
 * to be written to the owner-only share directory. That is deliberate and safe: a share alone
 * yields nothing without the subject's data key, which exists only wrapped by a KEK of the
 * keystore; its only job is to be destroyable one document at a time. {@link #toString()} is
 * redacted.
 *
 * <p>Thread safety: immutable.
 */
public final class KeyShare {
  /** Length in bytes. */
  public static final int SIZE_BYTES = 32;

  private final SecretBytes secret;

  private KeyShare(SecretBytes secret) {
    if (secret.size() != SIZE_BYTES) {
      throw new IllegalArgumentException("key shares are " + SIZE_BYTES + " bytes");
    }
    this.secret = secret;
  }

  /** A fresh random share. */
  public static KeyShare generate() {
    return new KeyShare(SecretBytes.random(SIZE_BYTES));
  }

  /** A share read back from its stored form; the caller should clear {@code stored} afterwards. */
  public static KeyShare fromStoredBytes(byte[] stored) {
    Objects.requireNonNull(stored, "stored is required.");
    if (stored.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a stored key share is " + SIZE_BYTES + " bytes");
    }
    return new KeyShare(SecretBytes.copyOf(stored));
  }

  /**
   * The bytes to store (a fresh copy; see the class comment for why this may leave the package).
   */
  public byte[] toStoredBytes() {
    return secret.toByteArray();
  }

  SecretBytes secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "KeyShare[redacted]";
  }
}
