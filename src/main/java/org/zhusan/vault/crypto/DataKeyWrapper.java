package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Envelope encryption of data keys: wraps a {@link DataKey} under the primary key-encryption key of
 * a {@link Keyring}, unwraps it with whichever KEK version wrapped it, and rewraps old wrappings
 * under the primary KEK (KEK rotation without re-encrypting any content).
 *
 * <p>Wrapping is {@link AesGcmAead} under the KEK with associated data {@code
 * AssociatedData.of("wrapped-key", purpose, ownerId)}; with the default purpose {@value
 * #SUBJECT_DEK} a subject's wrapped key cannot be swapped into another subject's row, or used for
 * another purpose, without unwrapping failing.
 *
 * <p>Crypto-shredding: once every copy of a subject's {@link WrappedKey} is destroyed (and the
 * {@link DataKeyCache} entry invalidated), nothing encrypted under the data key can be recovered,
 * even with the KEKs.
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class DataKeyWrapper {
  /** Purpose of per-subject data keys. */
  public static final String SUBJECT_DEK = "subject-dek";

  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private final AesGcmAead kekAead;
  private final String purpose;

  private DataKeyWrapper(Keyring keyring, String purpose) {
    Objects.requireNonNull(keyring, "keyring is required.");
    Objects.requireNonNull(purpose, "purpose is required.");
    if (!PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException(
          "purpose must be lower-case letters, digits, '.', '_' or '-', e.g. subject-dek");
    }
    this.kekAead = AesGcmAead.create(keyring.kekKeyset());
    this.purpose = purpose;
  }

  /** Wrapper for per-subject data keys (purpose {@value #SUBJECT_DEK}). */
  public static DataKeyWrapper forSubjects(Keyring keyring) {
    return new DataKeyWrapper(keyring, SUBJECT_DEK);
  }

  /** Wrapper for another kind of data key, e.g. {@code "export-dek"}. */
  public static DataKeyWrapper forPurpose(Keyring keyring, String purpose) {
    return new DataKeyWrapper(keyring, purpose);
  }

  /**
   * Wraps {@code dataKey} for {@code ownerId} under the primary KEK.
   *
   * @throws KeyUsageLimitExceededException if the primary KEK has wrapped 2^32 keys in this process
   */
  public WrappedKey wrap(DataKey dataKey, String ownerId) throws KeyUsageLimitExceededException {
    Objects.requireNonNull(dataKey, "dataKey is required.");
    byte[] raw = dataKey.secret().toByteArray();
    try {
      return new WrappedKey(
          kekAead.primaryKeyVersion(), kekAead.encrypt(raw, associatedData(ownerId)));
    } catch (KeyUsageLimitExceededException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unexpected failure while wrapping a data key", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Unwraps a data key of {@code ownerId}.
   *
   * @throws DecryptionFailedException if the wrapped key was altered, belongs to another owner or
   *     purpose, or its KEK version is not in the keyring
   */
  public DataKey unwrap(WrappedKey wrappedKey, String ownerId) throws DecryptionFailedException {
    Objects.requireNonNull(wrappedKey, "wrappedKey is required.");
    byte[] ciphertext = wrappedKey.ciphertext();
    if (ciphertext.length != WrappedKey.CIPHERTEXT_SIZE
        || ciphertext[0] != AesGcmAead.FORMAT_VERSION
        || Encoding.getIntBigEndian(ciphertext, 1) != wrappedKey.kekVersion()) {
      throw new DecryptionFailedException();
    }
    byte[] raw = kekAead.decrypt(ciphertext, associatedData(ownerId));
    try {
      return DataKey.of(SecretBytes.copyOf(raw));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Re-encrypts a wrapped key under the primary KEK (after verifying it). Returns {@code
   * wrappedKey} itself when it already uses the primary KEK. The data key, and so all content
   * encrypted under it, is unchanged.
   */
  public WrappedKey rewrap(WrappedKey wrappedKey, String ownerId)
      throws DecryptionFailedException, KeyUsageLimitExceededException {
    DataKey dataKey = unwrap(wrappedKey, ownerId);
    if (wrappedKey.kekVersion() == kekAead.primaryKeyVersion()) {
      return wrappedKey;
    }
    return wrap(dataKey, ownerId);
  }

  /** Whether {@code wrappedKey} is wrapped under an older KEK than the primary. */
  public boolean needsRewrap(WrappedKey wrappedKey) {
    return wrappedKey.kekVersion() != kekAead.primaryKeyVersion();
  }

  /** The purpose bound into every wrapping. */
  public String purpose() {
    return purpose;
  }

  private byte[] associatedData(String ownerId) {
    return AssociatedData.forWrappedKey(
        purpose, Objects.requireNonNull(ownerId, "ownerId is required."));
  }
}
