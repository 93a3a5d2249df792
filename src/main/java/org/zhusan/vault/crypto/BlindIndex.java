package org.zhusan.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A blind index: a keyed, deterministic, truncated HMAC-SHA256 of a (normalised) value, stored
 * beside the encrypted value so that the vault can answer exact-match lookups ("which subject has
 * this IIN?") without storing the value in clear and without decrypting every row.
 *
 * <h2>Keys</h2>
 *
 * The index key is separate from every encryption key ({@code blind-index-vN} in the {@link
 * Keyring}; {@link #create(Keyring, String)} uses the primary version, {@link #create(Keyring, int,
 * String, int)} a given one, so that lookups can still be answered while indexes are being rotated
 * to a new key). Each purpose (e.g. {@code "subject.iin"}, {@code "subject.full_name"}, {@code
 * "search.term"}) uses its own subkey = HKDF-SHA256(ikm = index key, salt = none, info = {@code
 * "zhusan-vault/blind-index/v1" || 0x00 || purpose}), 32 bytes, so equal values in different
 * columns give unrelated index values. Index value = first {@code outputBytes} bytes of
 * HMAC-SHA256(subkey, UTF-8(value)).
 *
 * <h2>Leakage and false positives</h2>
 *
 * <ul>
 *   <li>Deterministic by design: whoever can read the index column learns which rows share a value
 *       (equality pattern and frequencies, e.g. that two subjects share a surname) but, without the
 *       index key, nothing about the value itself. Low-entropy values (a 12-digit IIN, a name) can
 *       be brute-forced by anyone who also holds the index key, so that key is guarded like a KEK.
 *   <li>With t = 8 × {@code outputBytes} bits and n distinct indexed values, a lookup for a value
 *       not present matches some row with probability about n / 2<sup>t</sup> (for t = 128 and n =
 *       10<sup>6</sup>, about 3 × 10<sup>-33</sup>). Shorter outputs raise the false-positive rate
 *       but also make the index less precise, which hides a little more; callers must always
 *       decrypt and compare candidates, so false positives cost only time.
 * </ul>
 *
 * <p>The caller normalises first (see {@link Normalizer}); this class hashes exactly the string it
 * is given (strict UTF-8: malformed strings are rejected).
 *
 * <p>Thread safety: immutable; a new HMAC instance per call.
 */
public final class BlindIndex {
  /** Default output length: 16 bytes (128 bits). */
  public static final int DEFAULT_OUTPUT_BYTES = 16;

  /** Shortest allowed output: 8 bytes. */
  public static final int MIN_OUTPUT_BYTES = 8;

  /** Longest output: 32 bytes (the full HMAC-SHA256). */
  public static final int MAX_OUTPUT_BYTES = 32;

  private static final byte[] KDF_LABEL =
      "zhusan-vault/blind-index/v1".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private final SecretBytes subkey;
  private final int keyVersion;
  private final String purpose;
  private final int outputBytes;

  private BlindIndex(SecretBytes indexKey, int keyVersion, String purpose, int outputBytes) {
    Objects.requireNonNull(purpose, "purpose is required.");
    if (!PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException(
          "purpose must be lower-case letters, digits, '.', '_' or '-', e.g. subject.iin");
    }
    if (outputBytes < MIN_OUTPUT_BYTES || outputBytes > MAX_OUTPUT_BYTES) {
      throw new IllegalArgumentException(
          "outputBytes must be between " + MIN_OUTPUT_BYTES + " and " + MAX_OUTPUT_BYTES);
    }
    this.subkey = SecretBytes.copyOf(deriveSubkey(indexKey, purpose));
    this.keyVersion = keyVersion;
    this.purpose = purpose;
    this.outputBytes = outputBytes;
  }

  /** The index for {@code purpose} under the keyring's primary blind-index key, 16-byte output. */
  public static BlindIndex create(Keyring keyring, String purpose) {
    return create(keyring, purpose, DEFAULT_OUTPUT_BYTES);
  }

  /** The index for {@code purpose} under the keyring's primary blind-index key. */
  public static BlindIndex create(Keyring keyring, String purpose, int outputBytes) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return create(keyring, keyring.primaryBlindIndexVersion(), purpose, outputBytes);
  }

  /**
   * The index for {@code purpose} under blind-index key {@code keyVersion} (primary or older).
   *
   * @throws IllegalArgumentException if that key version is not in the keyring
   */
  public static BlindIndex create(
      Keyring keyring, int keyVersion, String purpose, int outputBytes) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return new BlindIndex(keyring.blindIndexKey(keyVersion), keyVersion, purpose, outputBytes);
  }

  static BlindIndex create(SecretBytes indexKey, String purpose, int outputBytes) {
    return new BlindIndex(indexKey, 1, purpose, outputBytes);
  }

  /** Index value of an already normalised string. */
  public byte[] compute(String normalizedValue) {
    Objects.requireNonNull(normalizedValue, "value is required.");
    return compute(Encoding.utf8Strict(normalizedValue));
  }

  /** Index value of raw bytes. */
  public byte[] compute(byte[] value) {
    Objects.requireNonNull(value, "value is required.");
    byte[] key = subkey.toByteArray();
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    Arrays.fill(key, (byte) 0);
    mac.update(value, 0, value.length);
    byte[] full = new byte[mac.getMacSize()];
    mac.doFinal(full, 0);
    return Arrays.copyOf(full, outputBytes);
  }

  /** The blind-index key version this index is computed under (stored beside each index value). */
  public int keyVersion() {
    return keyVersion;
  }

  /** The purpose this index was derived for. */
  public String purpose() {
    return purpose;
  }

  /** Output length in bytes. */
  public int outputBytes() {
    return outputBytes;
  }

  @Override
  public String toString() {
    return "BlindIndex[keyVersion="
        + keyVersion
        + ", purpose="
        + purpose
        + ", outputBytes="
        + outputBytes
        + "]";
  }

  private static byte[] deriveSubkey(SecretBytes indexKey, String purpose) {
    byte[] purposeBytes = purpose.getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[KDF_LABEL.length + 1 + purposeBytes.length];
    System.arraycopy(KDF_LABEL, 0, info, 0, KDF_LABEL.length);
    System.arraycopy(purposeBytes, 0, info, KDF_LABEL.length + 1, purposeBytes.length);
    byte[] ikm = indexKey.toByteArray();
    try {
      return Hkdf.sha256(ikm, null, info, 32);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }
}
