package org.zhusan.vault.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.crypto.Keyring;

/**
 * Encrypts the text of a search query for the {@code search_query} table, so that auditors can read
 * what was searched while a copy of the database cannot.
 *
 * <p>Key: per query, {@code K_q = HMAC-SHA256(K_audit, "query:" ‖ queryId)} with {@code K_audit =
 * HKDF-SHA256(blind-index key, "zhusan-vault/blind-index/v1" ‖ 0x00 ‖ "search.query-audit.v1")} —
 * that is, {@link BlindIndex} used as a keyed PRF with its own purpose (32-byte output), so the
 * root key stays in the keystore, never in the database, and the query key is unrelated to the
 * search-token key. A fresh key per query means a random 96-bit nonce is used once per key.
 *
 * <p>Ciphertext: {@code 0x01 ‖ nonce (12) ‖ AES-256-GCM(K_q, nonce, UTF-8(query), ad)} with {@code
 * ad = AssociatedData.forField("search_query", "query_ct", queryId)}, so a ciphertext moved to
 * another row does not decrypt.
 *
 * <p>The blind-index key is versioned; each row records the version its key was derived from
 * ({@code search_query.bidx_key_version}). Rows are immutable and are never re-encrypted, so a
 * recorded query stays readable exactly as long as its key version stays in the keystore.
 *
 * <p>Thread safety: immutable.
 */
public final class QueryAuditCipher {
  /** Key-derivation purpose; part of each row ({@code search_query.key_purpose}). */
  public static final String PURPOSE = "search.query-audit.v1";

  private static final byte FORMAT = 0x01;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BlindIndex prf;

  private QueryAuditCipher(BlindIndex prf) {
    this.prf = prf;
  }

  /** The cipher under the keyring's primary blind-index key (for new rows). */
  public static QueryAuditCipher create(Keyring keyring) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return create(keyring, keyring.primaryBlindIndexVersion());
  }

  /**
   * The cipher under blind-index key {@code keyVersion} (to read rows recorded under it).
   *
   * @throws IllegalArgumentException if that key version is not in the keyring
   */
  public static QueryAuditCipher create(Keyring keyring, int keyVersion) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return new QueryAuditCipher(
        BlindIndex.create(keyring, keyVersion, PURPOSE, BlindIndex.MAX_OUTPUT_BYTES));
  }

  /** The blind-index key version this cipher's keys derive from. */
  public int keyVersion() {
    return prf.keyVersion();
  }

  /** Encrypts {@code query} for the row {@code queryId}. */
  public byte[] encrypt(UUID queryId, String query) {
    Objects.requireNonNull(query, "query is required.");
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] key = key(queryId);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(ad(queryId));
      byte[] sealed = gcm.doFinal(query.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
      out[0] = FORMAT;
      System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Decrypts the row {@code queryId}'s ciphertext. */
  public String decrypt(UUID queryId, byte[] ciphertext) throws DecryptionFailedException {
    Objects.requireNonNull(ciphertext, "ciphertext is required.");
    if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != FORMAT) {
      throw new DecryptionFailedException();
    }
    byte[] key = key(queryId);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
      gcm.updateAAD(ad(queryId));
      byte[] plain = gcm.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException();
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] key(UUID queryId) {
    return prf.compute("query:" + Objects.requireNonNull(queryId, "queryId is required."));
  }

  private static byte[] ad(UUID queryId) {
    return AssociatedData.forField("search_query", "query_ct", queryId);
  }

  @Override
  public String toString() {
    return "QueryAuditCipher[" + PURPOSE + ", key v" + keyVersion() + "]";
  }
}
