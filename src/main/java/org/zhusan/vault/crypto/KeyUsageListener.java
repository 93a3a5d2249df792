package org.zhusan.vault.crypto;

/**
 * Callback told about every encryption before it happens, so that a higher layer can keep a
 * persistent per-key encryption count and refuse to exceed NIST SP 800-38D's limit of
 * 2<sup>32</sup> random-nonce AES-GCM encryptions per key ({@link
 * AesGcmAead#NIST_RANDOM_NONCE_LIMIT}).
 *
 * <p>Contract: {@link #onEncrypt} is called once per {@link Aead#encrypt} call, on the calling
 * thread, after the in-memory guard has accepted the call and before any ciphertext exists. If it
 * throws, no ciphertext is produced and the exception reaches the caller of {@code encrypt}. The
 * listener is attached to one {@link AesGcmAead} (for example one subject's data key), so the
 * listener itself knows whose key it counts; {@code keyVersion} tells which version of that key.
 *
 * <p>Thread safety: implementations must be thread-safe when the {@link AesGcmAead} is shared.
 */
@FunctionalInterface
interface KeyUsageListener {

  /** A listener that counts nothing (the in-memory guard of {@link AesGcmAead} still applies). */
  KeyUsageListener NONE = keyVersion -> {};

  /**
   * Records one upcoming encryption under {@code keyVersion}.
   *
   * @throws KeyUsageLimitExceededException to refuse the encryption because the persistent count
   *     has reached the limit
   */
  void onEncrypt(int keyVersion) throws KeyUsageLimitExceededException;
}
