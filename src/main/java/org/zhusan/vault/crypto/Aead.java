package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;

/**
 * Authenticated encryption with associated data, for small values such as a field of a database
 * row.
 *
 * <p>Security guarantees of every implementation: confidentiality of the plaintext (IND-CPA) and
 * integrity of both ciphertext and associated data (INT-CTXT). {@link #decrypt} succeeds only if
 * the ciphertext was produced by {@link #encrypt} of this primitive (same key) with exactly the
 * same associated data. The associated data is not encrypted and not stored in the ciphertext; use
 * {@link AssociatedData} to bind a ciphertext to its table, column and row so that a ciphertext
 * copied into another row or column fails to decrypt. Encryption is randomised: equal plaintexts
 * give unrelated ciphertexts (use {@link BlindIndex} for equality search). The length of the
 * plaintext is not hidden.
 *
 * <p>Thread safety: implementations are safe for concurrent use.
 */
public interface Aead {

  /**
   * Encrypts {@code plaintext}, authenticating it together with {@code associatedData}.
   *
   * @param plaintext bytes to protect (may be empty, not null)
   * @param associatedData context to authenticate but not encrypt (may be empty, not null)
   * @return a self-describing ciphertext (format byte, key version, nonce, ciphertext and tag)
   * @throws KeyUsageLimitExceededException if the key's encryption budget is spent
   * @throws GeneralSecurityException if a {@link KeyUsageListener} refuses the encryption
   */
  byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

  /**
   * Decrypts and verifies {@code ciphertext} with {@code associatedData}.
   *
   * @return the plaintext, only if authentication succeeded
   * @throws DecryptionFailedException if anything at all is wrong; never returns unverified bytes
   */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws DecryptionFailedException;
}
