package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link Aead} with AES-256-GCM (JDK {@code AES/GCM/NoPadding}, hardware accelerated), a random
 * 96-bit nonce per message and a 128-bit tag; the primitive for encrypted database fields and for
 * wrapping data keys.
 *
 * <h2>Ciphertext layout (format 0x01)</h2>
 *
 * <pre>
 * offset  size  field
 * 0       1     format version, 0x01
 * 1       4     key version, big-endian int &gt; 0 (which key of the {@link AeadKeyset})
 * 5       12    nonce, fresh from the shared SecureRandom
 * 17      n     AES-GCM ciphertext, n = plaintext length
 * 17+n    16    GCM tag
 * </pre>
 *
 * Total overhead: {@value #OVERHEAD} bytes. The GCM additional authenticated data is {@code
 * header(5 bytes) || associatedData}; the header has a fixed length, so the concatenation is
 * unambiguous, and changing the format byte or the key version makes authentication fail.
 *
 * <h2>Security</h2>
 *
 * <p>IND-CPA and INT-CTXT as long as nonces do not repeat under one key. With random 96-bit nonces
 * NIST SP 800-38D (section 8.3) allows at most {@value #NIST_RANDOM_NONCE_LIMIT} (2<sup>32</sup>)
 * encryptions per key. This class enforces that with an in-memory counter (a guard for this
 * instance only, seeded with {@link Builder#encryptionsSoFar}) and reports every encryption to a
 * {@link KeyUsageListener} so that a higher layer can persist counts across restarts and instances.
 * Decryption of a ciphertext whose key version is not in the keyset fails like any tampering.
 *
 * <p>Thread safety: safe for concurrent use (immutable keys, atomic counter, one JDK cipher per
 * thread).
 */
public final class AesGcmAead implements Aead {
  /** First byte of every ciphertext written by this class. */
  static final byte FORMAT_VERSION = 0x01;

  static final int HEADER_SIZE = 1 + 4;
  static final int PREFIX_SIZE = HEADER_SIZE + Gcm.NONCE_SIZE;

  /** Bytes added to every plaintext: header, nonce and tag. */
  public static final int OVERHEAD = PREFIX_SIZE + Gcm.TAG_SIZE;

  /** NIST SP 800-38D limit on encryptions per key with random 96-bit nonces: 2^32. */
  public static final long NIST_RANDOM_NONCE_LIMIT = 1L << 32;

  private final Map<Integer, SecretKeySpec> keys;
  private final int primaryVersion;
  private final SecretKeySpec primaryKey;
  private final byte[] primaryHeader;
  private final KeyUsageListener listener;
  private final long maxEncryptions;
  private final AtomicLong encryptions;

  private AesGcmAead(Builder b) {
    Map<Integer, SecretKeySpec> specs = new HashMap<>();
    for (int version : b.keyset.versions()) {
      specs.put(version, Gcm.aesKey(b.keyset.key(version).orElseThrow()));
    }
    this.keys = Map.copyOf(specs);
    this.primaryVersion = b.keyset.primaryVersion();
    this.primaryKey = keys.get(primaryVersion);
    this.primaryHeader = header(primaryVersion);
    this.listener = b.listener;
    this.maxEncryptions = b.maxEncryptions;
    this.encryptions = new AtomicLong(b.encryptionsSoFar);
  }

  /** An AEAD over {@code keyset} with no usage listener and the NIST limit as in-memory guard. */
  public static AesGcmAead create(AeadKeyset keyset) {
    return builder(keyset).build();
  }

  /** A builder to attach a {@link KeyUsageListener} or a persisted starting count. */
  public static Builder builder(AeadKeyset keyset) {
    return new Builder(keyset);
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    Objects.requireNonNull(plaintext, "plaintext is required.");
    Objects.requireNonNull(associatedData, "associatedData is required (use AssociatedData).");
    reserveEncryption();
    listener.onEncrypt(primaryVersion);
    byte[] out = new byte[PREFIX_SIZE + plaintext.length + Gcm.TAG_SIZE];
    System.arraycopy(primaryHeader, 0, out, 0, HEADER_SIZE);
    byte[] nonce = Randomness.bytes(Gcm.NONCE_SIZE);
    System.arraycopy(nonce, 0, out, HEADER_SIZE, Gcm.NONCE_SIZE);
    Gcm.seal(
        Gcm.threadLocalCipher(),
        primaryKey,
        nonce,
        primaryHeader,
        associatedData,
        plaintext,
        0,
        plaintext.length,
        out,
        PREFIX_SIZE);
    return out;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws DecryptionFailedException {
    Objects.requireNonNull(ciphertext, "ciphertext is required.");
    Objects.requireNonNull(associatedData, "associatedData is required (use AssociatedData).");
    if (ciphertext.length < OVERHEAD || ciphertext[0] != FORMAT_VERSION) {
      throw new DecryptionFailedException();
    }
    SecretKeySpec key = keys.get(keyVersionOf(ciphertext));
    if (key == null) {
      throw new DecryptionFailedException();
    }
    byte[] header = Arrays.copyOfRange(ciphertext, 0, HEADER_SIZE);
    byte[] nonce = Arrays.copyOfRange(ciphertext, HEADER_SIZE, PREFIX_SIZE);
    byte[] plaintext = new byte[ciphertext.length - OVERHEAD];
    Gcm.open(
        Gcm.threadLocalCipher(),
        key,
        nonce,
        header,
        associatedData,
        ciphertext,
        PREFIX_SIZE,
        ciphertext.length - PREFIX_SIZE,
        plaintext,
        0);
    return plaintext;
  }

  /** Version of the key new encryptions use. */
  public int primaryKeyVersion() {
    return primaryVersion;
  }

  /** Encryptions counted by this instance's in-memory guard, including the seeded count. */
  public long encryptionCount() {
    return encryptions.get();
  }

  /**
   * Reads the key version from a ciphertext of this format without decrypting it (for example to
   * find rows still encrypted under an old key). The value is unauthenticated until decryption.
   *
   * @throws IllegalArgumentException if the bytes are too short or not of format 0x01
   */
  public static int keyVersionOf(byte[] ciphertext) {
    if (ciphertext.length < HEADER_SIZE || ciphertext[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not an AES-GCM field ciphertext of format 0x01");
    }
    return Encoding.getIntBigEndian(ciphertext, 1);
  }

  private void reserveEncryption() throws KeyUsageLimitExceededException {
    long before = encryptions.getAndUpdate(n -> n < maxEncryptions ? n + 1 : n);
    if (before >= maxEncryptions) {
      throw new KeyUsageLimitExceededException(
          "key version "
              + primaryVersion
              + " reached its limit of "
              + maxEncryptions
              + " encryptions; rotate to a new key version");
    }
  }

  static byte[] header(int keyVersion) {
    byte[] header = new byte[HEADER_SIZE];
    header[0] = FORMAT_VERSION;
    Encoding.putIntBigEndian(header, 1, keyVersion);
    return header;
  }

  // ---- Test hooks: fixed nonces destroy GCM's security. Never call outside tests. ----

  /**
   * Runs this class's GCM core with a caller-chosen nonce and raw additional data, returning {@code
   * ciphertext || tag} without header: exactly what {@link #encrypt} computes after its header and
   * nonce. Exists only for known-answer tests.
   */
  static byte[] insecureSealWithNonce(
      SecretBytes key, byte[] nonce, byte[] plaintext, byte[] additionalData) {
    byte[] out = new byte[plaintext.length + Gcm.TAG_SIZE];
    Gcm.seal(
        Gcm.newCipher(),
        Gcm.aesKey(key),
        nonce,
        null,
        additionalData,
        plaintext,
        0,
        plaintext.length,
        out,
        0);
    return out;
  }

  /** Inverse of {@link #insecureSealWithNonce}, for known-answer tests. */
  static byte[] insecureOpenWithNonce(
      SecretBytes key, byte[] nonce, byte[] ciphertextAndTag, byte[] additionalData)
      throws DecryptionFailedException {
    byte[] out = new byte[Math.max(0, ciphertextAndTag.length - Gcm.TAG_SIZE)];
    Gcm.open(
        Gcm.newCipher(),
        Gcm.aesKey(key),
        nonce,
        null,
        additionalData,
        ciphertextAndTag,
        0,
        ciphertextAndTag.length,
        out,
        0);
    return out;
  }

  /**
   * Like {@link #encrypt} but with a caller-chosen nonce (and no usage counting), for tests that
   * check the layout against {@link #insecureSealWithNonce}.
   */
  byte[] insecureEncryptWithNonce(byte[] nonce, byte[] plaintext, byte[] associatedData) {
    byte[] out = new byte[PREFIX_SIZE + plaintext.length + Gcm.TAG_SIZE];
    System.arraycopy(primaryHeader, 0, out, 0, HEADER_SIZE);
    System.arraycopy(nonce, 0, out, HEADER_SIZE, Gcm.NONCE_SIZE);
    Gcm.seal(
        Gcm.newCipher(),
        primaryKey,
        nonce,
        primaryHeader,
        associatedData,
        plaintext,
        0,
        plaintext.length,
        out,
        PREFIX_SIZE);
    return out;
  }

  /**
   * Builds an {@link AesGcmAead}.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final AeadKeyset keyset;
    private KeyUsageListener listener = KeyUsageListener.NONE;
    private long maxEncryptions = NIST_RANDOM_NONCE_LIMIT;
    private long encryptionsSoFar;

    private Builder(AeadKeyset keyset) {
      this.keyset = Objects.requireNonNull(keyset, "keyset is required.");
    }

    /** Told about every encryption before it happens; may veto it. */
    public Builder usageListener(KeyUsageListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener is required.");
      return this;
    }

    /**
     * Lowers the in-memory guard below {@link #NIST_RANDOM_NONCE_LIMIT} (for example to rotate
     * early, or in tests). Cannot be raised above it.
     */
    public Builder maxEncryptions(long max) {
      if (max < 0 || max > NIST_RANDOM_NONCE_LIMIT) {
        throw new IllegalArgumentException("maxEncryptions must be in [0, 2^32]");
      }
      this.maxEncryptions = max;
      return this;
    }

    /** Seeds the in-memory guard with the persisted number of encryptions under the primary key. */
    public Builder encryptionsSoFar(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("encryptionsSoFar must not be negative");
      }
      this.encryptionsSoFar = count;
      return this;
    }

    /** Builds the AEAD. */
    public AesGcmAead build() {
      return new AesGcmAead(this);
    }
  }
}
