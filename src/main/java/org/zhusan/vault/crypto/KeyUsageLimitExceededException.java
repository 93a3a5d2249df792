package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;

/**
 * Thrown instead of encrypting when a key has reached its encryption budget: NIST SP 800-38D allows
 * at most 2<sup>32</sup> AES-GCM encryptions with random 96-bit nonces under one key. The remedy is
 * a new key version (a fresh data key or KEK), never ignoring the limit.
 *
 * <p>Raised by {@link AesGcmAead}'s in-memory guard, and may be raised by a {@link
 * KeyUsageListener} that keeps persistent counts.
 *
 * <p>Thread safety: immutable.
 */
public final class KeyUsageLimitExceededException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message says which key version hit which limit; must not contain key material
   */
  public KeyUsageLimitExceededException(String message) {
    super(message);
  }
}
