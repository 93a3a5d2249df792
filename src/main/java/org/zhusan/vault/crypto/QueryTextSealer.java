package org.zhusan.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals the text of a recorded search for auditors, so that they can read what was searched while a
 * copy of the database cannot. The key never leaves this package: callers get this two-method
 * primitive, not key bytes.
 *
 * <h2>Keys</h2>
 *
 * For every blind-index key version {@code v} in the {@link Keyring}: {@code K_v = HKDF-SHA256(ikm
 * = blind-index-v, salt = none, info = "zhusan-vault/derived-aead/v1" || 0x00 ||
 * "search.query-audit.v2")}, 32 bytes. The label differs from {@link BlindIndex}'s, so {@code K_v}
 * is unrelated to every blind index (search tokens included). Rooting the key in the blind-index
 * key keeps the rotation story of recorded queries as it was: a query stays readable exactly as
 * long as its key version is loaded.
 *
 * <h2>Ciphertext</h2>
 *
 * An {@link AesGcmAead} ciphertext (format 0x01: format byte, the blind-index key version {@code
 * v}, a random 96-bit nonce from the shared {@code SecureRandom}, AES-256-GCM on the pinned SunJCE
 * provider, 128-bit tag); new texts use the primary version. The caller's associated data binds it
 * to where it belongs (for {@code search_query}: {@code AssociatedData.forField("search_query",
 * "query_ct", queryId)}), so a ciphertext moved to another row does not open. Random nonces under
 * one key allow 2<sup>32</sup> texts per key version (NIST SP 800-38D), guarded in memory by {@link
 * AesGcmAead}; a new blind-index key version starts afresh.
 *
 * <h2>Legacy texts (decrypt only)</h2>
 *
 * Rows written before this class existed (purpose {@value #LEGACY_PURPOSE}) have the layout {@code
 * 0x01 || nonce (12) || AES-256-GCM(K_q, nonce, UTF-8(text), associatedData)} with a per-row key
 * {@code K_q = HMAC-SHA256(BlindIndex subkey of purpose "search.query-audit.v1", "query:" ||
 * rowId)} and no key version in the bytes (the row's {@code bidx_key_version} column names it).
 * Their first byte equals this format's, so the purpose stored beside each row tells the two apart.
 * Rows are immutable and never re-encrypted, so {@link #openLegacy} stays for as long as such rows
 * are kept; nothing writes that format any more.
 *
 * <p>Thread safety: immutable.
 */
public final class QueryTextSealer {
  /** Purpose of texts sealed by {@link #seal}; stored beside each row. */
  public static final String PURPOSE = "search.query-audit.v2";

  /** Purpose of rows in the legacy layout, opened by {@link #openLegacy} only. */
  public static final String LEGACY_PURPOSE = "search.query-audit.v1";

  private static final byte[] KDF_LABEL =
      "zhusan-vault/derived-aead/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte LEGACY_FORMAT = 0x01;

  private final Keyring keyring;
  private final AesGcmAead aead;

  private QueryTextSealer(Keyring keyring, AesGcmAead aead) {
    this.keyring = keyring;
    this.aead = aead;
  }

  /** Seals under the keyring's primary blind-index key version; opens under any loaded one. */
  public static QueryTextSealer create(Keyring keyring) {
    Objects.requireNonNull(keyring, "keyring is required.");
    AeadKeyset.Builder keys = AeadKeyset.builder().primary(keyring.primaryBlindIndexVersion());
    for (int version : keyring.blindIndexVersions()) {
      keys.addSecret(
          version,
          Hkdf.forPurpose(keyring.blindIndexKey(version), KDF_LABEL, PURPOSE, Gcm.KEY_SIZE));
    }
    return new QueryTextSealer(keyring, AesGcmAead.create(keys.build()));
  }

  /**
   * Whether texts sealed under blind-index key {@code version} can be opened (that version is
   * loaded).
   */
  public boolean canOpen(int version) {
    return keyring.hasBlindIndexVersion(version);
  }

  /** The blind-index key version new ciphertexts are sealed under (and name in their header). */
  public int keyVersion() {
    return aead.primaryKeyVersion();
  }

  /**
   * Seals {@code text}, bound to {@code associatedData}.
   *
   * @throws KeyUsageLimitExceededException if this key version's encryption budget is spent
   */
  public byte[] seal(String text, byte[] associatedData) throws KeyUsageLimitExceededException {
    Objects.requireNonNull(text, "text is required.");
    try {
      // Lenient UTF-8, as the text was always encoded (an unpaired surrogate becomes '?').
      return aead.encrypt(text.getBytes(StandardCharsets.UTF_8), associatedData);
    } catch (KeyUsageLimitExceededException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      // No usage listener is attached, so nothing else can refuse an encryption.
      throw new IllegalStateException("query text could not be sealed", e);
    }
  }

  /**
   * Opens a ciphertext made by {@link #seal} under any loaded key version.
   *
   * @throws DecryptionFailedException if it was altered, moved or made under a key not loaded
   */
  public String open(byte[] ciphertext, byte[] associatedData) throws DecryptionFailedException {
    return new String(aead.decrypt(ciphertext, associatedData), StandardCharsets.UTF_8);
  }

  /**
   * Opens a row in the legacy layout ({@value #LEGACY_PURPOSE}) written under blind-index key
   * {@code keyVersion} for row {@code rowId}.
   *
   * @throws DecryptionFailedException if it was altered or moved, or that key version is not loaded
   */
  public String openLegacy(int keyVersion, String rowId, byte[] ciphertext, byte[] associatedData)
      throws DecryptionFailedException {
    Objects.requireNonNull(rowId, "rowId is required.");
    Objects.requireNonNull(ciphertext, "ciphertext is required.");
    Objects.requireNonNull(associatedData, "associatedData is required (use AssociatedData).");
    if (!keyring.hasBlindIndexVersion(keyVersion)
        || ciphertext.length < 1 + Gcm.NONCE_SIZE + Gcm.TAG_SIZE
        || ciphertext[0] != LEGACY_FORMAT) {
      throw new DecryptionFailedException();
    }
    BlindIndex prf =
        BlindIndex.create(keyring, keyVersion, LEGACY_PURPOSE, BlindIndex.MAX_OUTPUT_BYTES);
    byte[] rowKey = prf.compute("query:" + rowId);
    byte[] plaintext = new byte[ciphertext.length - 1 - Gcm.NONCE_SIZE - Gcm.TAG_SIZE];
    try {
      Gcm.open(
          Gcm.threadLocalCipher(),
          Gcm.aesKey(SecretBytes.copyOf(rowKey)),
          Arrays.copyOfRange(ciphertext, 1, 1 + Gcm.NONCE_SIZE),
          null,
          associatedData,
          ciphertext,
          1 + Gcm.NONCE_SIZE,
          ciphertext.length - 1 - Gcm.NONCE_SIZE,
          plaintext,
          0);
    } finally {
      Arrays.fill(rowKey, (byte) 0);
    }
    return new String(plaintext, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "QueryTextSealer[" + PURPOSE + ", key v" + keyVersion() + "]";
  }
}
