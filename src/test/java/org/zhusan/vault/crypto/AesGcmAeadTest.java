package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zhusan.vault.crypto.TestSupport.bytes;
import static org.zhusan.vault.crypto.TestSupport.dataKey;
import static org.zhusan.vault.crypto.TestSupport.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AesGcmAeadTest {
  private static final UUID SUBJECT = UUID.fromString("6f1c2a4e-3b5d-4c7e-9f10-1a2b3c4d5e6f");
  private static final byte[] AD = AssociatedData.forField("subject", "full_name", SUBJECT);
  private static final byte[] NAME =
      "Алия Нурова / Aliya Nurova, b. 1994".getBytes(StandardCharsets.UTF_8);

  private final AesGcmAead aead = AesGcmAead.create(AeadKeyset.of(1, dataKey(0x42)));

  @Test
  void roundTripsFieldValuesOfManySizes() throws Exception {
    for (int size : new int[] {0, 1, 15, 16, 17, 40, 4096, 1 << 20}) {
      byte[] plaintext = bytes(size, size);
      byte[] ciphertext = aead.encrypt(plaintext, AD);
      assertEquals(size + AesGcmAead.OVERHEAD, ciphertext.length);
      assertArrayEquals(plaintext, aead.decrypt(ciphertext, AD));
    }
  }

  @Test
  void ciphertextStartsWithFormatByteAndBigEndianKeyVersion() throws Exception {
    AesGcmAead v = AesGcmAead.create(AeadKeyset.of(0x01020304, dataKey(1)));
    byte[] ciphertext = v.encrypt(NAME, AD);
    assertArrayEquals(hex("01 01020304"), Arrays.copyOf(ciphertext, 5));
    assertEquals(0x01020304, AesGcmAead.keyVersionOf(ciphertext));
  }

  @Test
  void ciphertextIsHeaderNonceAndGcmOfHeaderPlusAssociatedData() throws Exception {
    byte[] nonce = hex("000102030405060708090a0b");
    byte[] ciphertext = aead.insecureEncryptWithNonce(nonce, NAME, AD);
    byte[] header = hex("01 00000001");
    byte[] gcmAad = concat(header, AD);
    byte[] expected =
        concat(
            header,
            nonce,
            AesGcmAead.insecureSealWithNonce(dataKey(0x42).secret(), nonce, NAME, gcmAad));
    assertArrayEquals(expected, ciphertext);
    assertArrayEquals(NAME, aead.decrypt(ciphertext, AD));
  }

  @Test
  void encryptionIsRandomised() throws Exception {
    assertFalse(Arrays.equals(aead.encrypt(NAME, AD), aead.encrypt(NAME, AD)));
  }

  @Test
  void decryptFailsWhenAnyBitOfTheCiphertextWasTampered() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    for (int i = 0; i < ciphertext.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = ciphertext.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertThrows(
            DecryptionFailedException.class, () -> aead.decrypt(tampered, AD), "byte " + i);
      }
    }
  }

  @Test
  void decryptFailsWhenAnyBitOfTheAssociatedDataWasTampered() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    for (int i = 0; i < AD.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] ad = AD.clone();
        ad[i] ^= (byte) (1 << bit);
        assertThrows(
            DecryptionFailedException.class, () -> aead.decrypt(ciphertext, ad), "byte " + i);
      }
    }
  }

  @Test
  void decryptFailsWhenAssociatedDataIsTruncatedOrExtended() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    for (int len = 0; len < AD.length; len++) {
      byte[] shorter = Arrays.copyOf(AD, len);
      assertThrows(DecryptionFailedException.class, () -> aead.decrypt(ciphertext, shorter));
    }
    byte[] longer = Arrays.copyOf(AD, AD.length + 1);
    assertThrows(DecryptionFailedException.class, () -> aead.decrypt(ciphertext, longer));
  }

  @Test
  void decryptFailsWhenCiphertextIsTruncatedOrExtended() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    for (int len = 0; len < ciphertext.length; len++) {
      byte[] truncated = Arrays.copyOf(ciphertext, len);
      assertThrows(
          DecryptionFailedException.class, () -> aead.decrypt(truncated, AD), "len " + len);
    }
    byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);
    assertThrows(DecryptionFailedException.class, () -> aead.decrypt(extended, AD));
  }

  @Test
  void decryptFailsWhenCiphertextIsMovedToAnotherRowOrColumn() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    byte[] otherRow = AssociatedData.forField("subject", "full_name", UUID.randomUUID());
    byte[] otherColumn = AssociatedData.forField("subject", "place_of_origin", SUBJECT);
    byte[] otherTable = AssociatedData.forField("guardian", "full_name", SUBJECT);
    for (byte[] ad : List.of(otherRow, otherColumn, otherTable, new byte[0])) {
      assertThrows(DecryptionFailedException.class, () -> aead.decrypt(ciphertext, ad));
    }
  }

  @Test
  void decryptFailsUnderAnotherKey() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    AesGcmAead other = AesGcmAead.create(AeadKeyset.of(1, dataKey(0x43)));
    assertThrows(DecryptionFailedException.class, () -> other.decrypt(ciphertext, AD));
  }

  @Test
  void decryptFailsWhenKeyVersionIsUnknown() throws Exception {
    byte[] ciphertext = AesGcmAead.create(AeadKeyset.of(7, dataKey(0x42))).encrypt(NAME, AD);
    assertThrows(DecryptionFailedException.class, () -> aead.decrypt(ciphertext, AD));
  }

  @Test
  void decryptFailsWhenKeyVersionIsRewrittenToAnotherKnownVersionWithTheSameKey() throws Exception {
    // Even with identical key bytes behind both versions, the version is authenticated.
    AesGcmAead twoVersions =
        AesGcmAead.create(
            AeadKeyset.builder().add(1, dataKey(0x42)).add(2, dataKey(0x42)).primary(1).build());
    byte[] ciphertext = twoVersions.encrypt(NAME, AD);
    ciphertext[4] = 2;
    assertThrows(DecryptionFailedException.class, () -> twoVersions.decrypt(ciphertext, AD));
  }

  @Test
  void oldCiphertextsStillDecryptAfterANewPrimaryKeyVersion() throws Exception {
    byte[] old = aead.encrypt(NAME, AD);
    AesGcmAead rotated =
        AesGcmAead.create(AeadKeyset.builder().add(1, dataKey(0x42)).add(2, dataKey(0x99)).build());
    assertEquals(2, rotated.primaryKeyVersion());
    assertArrayEquals(NAME, rotated.decrypt(old, AD));
    byte[] fresh = rotated.encrypt(NAME, AD);
    assertEquals(2, AesGcmAead.keyVersionOf(fresh));
    assertThrows(DecryptionFailedException.class, () -> aead.decrypt(fresh, AD));
  }

  @Test
  void failureRevealsNothing() throws Exception {
    byte[] ciphertext = aead.encrypt(NAME, AD);
    ciphertext[ciphertext.length - 1] ^= 1;
    DecryptionFailedException e =
        assertThrows(DecryptionFailedException.class, () -> aead.decrypt(ciphertext, AD));
    assertEquals("decryption failed", e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void inMemoryGuardRefusesEncryptionBeyondTheLimit() throws Exception {
    AesGcmAead limited = AesGcmAead.builder(AeadKeyset.of(3, dataKey(1))).maxEncryptions(2).build();
    limited.encrypt(NAME, AD);
    limited.encrypt(NAME, AD);
    KeyUsageLimitExceededException e =
        assertThrows(KeyUsageLimitExceededException.class, () -> limited.encrypt(NAME, AD));
    assertEquals(2, limited.encryptionCount());
    assertFalse(e.getMessage().contains("0x"), "no key material in message");
  }

  @Test
  void persistedCountSeedsTheGuardUpToTheNistLimit() throws Exception {
    AesGcmAead nearlyExhausted =
        AesGcmAead.builder(AeadKeyset.of(1, dataKey(1)))
            .encryptionsSoFar(AesGcmAead.NIST_RANDOM_NONCE_LIMIT - 1)
            .build();
    nearlyExhausted.encrypt(NAME, AD);
    assertThrows(KeyUsageLimitExceededException.class, () -> nearlyExhausted.encrypt(NAME, AD));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AesGcmAead.builder(AeadKeyset.of(1, dataKey(1)))
                .maxEncryptions(AesGcmAead.NIST_RANDOM_NONCE_LIMIT + 1));
  }

  @Test
  void usageListenerIsToldOfEveryEncryptionAndCanRefuseIt() throws Exception {
    List<Integer> seen = new ArrayList<>();
    AesGcmAead counted =
        AesGcmAead.builder(AeadKeyset.of(5, dataKey(1)))
            .usageListener(
                version -> {
                  if (seen.size() == 2) {
                    throw new KeyUsageLimitExceededException("persisted limit reached");
                  }
                  seen.add(version);
                })
            .build();
    counted.encrypt(NAME, AD);
    counted.encrypt(NAME, AD);
    assertThrows(KeyUsageLimitExceededException.class, () -> counted.encrypt(NAME, AD));
    assertEquals(List.of(5, 5), seen);
  }

  @Test
  void isSafeToShareAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    byte[] p = bytes(i % 97, seed * 1000L + i);
                    if (!Arrays.equals(p, aead.decrypt(aead.encrypt(p, AD), AD))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertEquals(true, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsNullAssociatedDataSoThatBindingIsNeverForgotten() {
    assertThrows(NullPointerException.class, () -> aead.encrypt(NAME, null));
    assertThrows(NullPointerException.class, () -> aead.decrypt(new byte[40], null));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
