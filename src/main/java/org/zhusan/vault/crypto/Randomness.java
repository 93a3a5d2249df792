package org.zhusan.vault.crypto;

import java.security.SecureRandom;

/**
 * The vault's single shared cryptographically secure random generator (nonces, salts, data keys).
 *
 * <p>Thread safety: {@link SecureRandom} is thread-safe; one instance is shared by the whole JVM.
 */
final class Randomness {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Randomness() {}

  /** {@code length} fresh random bytes. */
  static byte[] bytes(int length) {
    byte[] out = new byte[length];
    RANDOM.nextBytes(out);
    return out;
  }

  /** Fills {@code out} with fresh random bytes. */
  static void fill(byte[] out) {
    RANDOM.nextBytes(out);
  }
}
