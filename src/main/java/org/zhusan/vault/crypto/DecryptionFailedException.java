package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;

/**
 * The one failure every decryption in the vault reports, whatever went wrong: tampered or truncated
 * ciphertext, wrong associated data (ciphertext moved to another row or column), unknown or wrong
 * key version, malformed header, reordered stream segments.
 *
 * <p>Security: the message is always {@value #MESSAGE} and there is never a cause, so neither the
 * exception nor a log line built from it tells an attacker which check failed. Callers must treat
 * it as "this record cannot be trusted" and must never fall back to returning the bytes.
 *
 * <p>It is a checked {@link GeneralSecurityException} on purpose: the compiler makes every caller
 * decide what an unreadable record means (a JPA converter typically rethrows it as its own
 * persistence error; a REST layer answers with a generic server error and logs the record id).
 * Streaming readers cannot throw it directly, so they throw an {@link java.io.IOException} whose
 * cause is this exception.
 *
 * <p>Thread safety: immutable.
 */
public final class DecryptionFailedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** The only message this exception ever carries. */
  public static final String MESSAGE = "decryption failed";

  /** Creates the generic failure. */
  public DecryptionFailedException() {
    super(MESSAGE);
  }
}
