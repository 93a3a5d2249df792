package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.crypto.TestSupport.rawKeyring;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataKeyWrapperTest {
  private static final String SUBJECT = "6f1c2a4e-3b5d-4c7e-9f10-1a2b3c4d5e6f";
  private static final String OTHER_SUBJECT = "00000000-3b5d-4c7e-9f10-1a2b3c4d5e6f";

  private final Keyring keyring = rawKeyring(1, 2);
  private final DataKeyWrapper wrapper = DataKeyWrapper.forSubjects(keyring);

  @Test
  void wrapsUnderThePrimaryKekAndUnwrapsTheSameKey() throws Exception {
    DataKey key = DataKey.generate();
    WrappedKey wrapped = wrapper.wrap(key, SUBJECT);
    assertEquals(2, wrapped.kekVersion());
    assertEquals(WrappedKey.CIPHERTEXT_SIZE, wrapped.ciphertext().length);
    assertEquals(65, WrappedKey.CIPHERTEXT_SIZE);
    assertTrue(key.equalsDataKey(wrapper.unwrap(wrapped, SUBJECT)));
  }

  @Test
  void wrappingIsRandomised() throws Exception {
    DataKey key = DataKey.generate();
    assertNotEquals(wrapper.wrap(key, SUBJECT), wrapper.wrap(key, SUBJECT));
  }

  @Test
  void unwrapsKeysWrappedUnderAnOlderKek() throws Exception {
    DataKey key = DataKey.generate();
    WrappedKey underV1 = DataKeyWrapper.forSubjects(rawKeyring(1)).wrap(key, SUBJECT);
    assertEquals(1, underV1.kekVersion());
    assertTrue(wrapper.needsRewrap(underV1));
    assertTrue(key.equalsDataKey(wrapper.unwrap(underV1, SUBJECT)));
  }

  @Test
  void rewrapMovesAKeyToThePrimaryKekWithoutChangingTheKeyOrTheContent() throws Exception {
    DataKey key = DataKey.generate();
    byte[] ad = AssociatedData.forField("subject", "full_name", SUBJECT);
    byte[] field =
        AesGcmAead.create(AeadKeyset.of(1, key))
            .encrypt("Aliya".getBytes(StandardCharsets.UTF_8), ad);

    WrappedKey underV1 = DataKeyWrapper.forSubjects(rawKeyring(1)).wrap(key, SUBJECT);
    WrappedKey rewrapped = wrapper.rewrap(underV1, SUBJECT);
    assertEquals(2, rewrapped.kekVersion());
    assertFalse(wrapper.needsRewrap(rewrapped));

    DataKey after = wrapper.unwrap(rewrapped, SUBJECT);
    assertArrayEquals(
        "Aliya".getBytes(StandardCharsets.UTF_8),
        AesGcmAead.create(AeadKeyset.of(1, after)).decrypt(field, ad));
    assertSame(rewrapped, wrapper.rewrap(rewrapped, SUBJECT), "already primary: unchanged");

    // After rotation, a keyring without kek-v1 can still read the rewrapped key.
    Keyring onlyV2 =
        Keyring.insecureFromRawKeys(
            Map.of(2, TestSupport.filled(32, 0x12)), TestSupport.filled(32, 0x77));
    assertTrue(key.equalsDataKey(DataKeyWrapper.forSubjects(onlyV2).unwrap(rewrapped, SUBJECT)));
    assertThrows(
        DecryptionFailedException.class,
        () -> DataKeyWrapper.forSubjects(onlyV2).unwrap(underV1, SUBJECT));
  }

  @Test
  void unwrapFailsForAnotherOwnerOrPurpose() throws Exception {
    WrappedKey wrapped = wrapper.wrap(DataKey.generate(), SUBJECT);
    assertThrows(DecryptionFailedException.class, () -> wrapper.unwrap(wrapped, OTHER_SUBJECT));
    assertThrows(
        DecryptionFailedException.class,
        () -> DataKeyWrapper.forPurpose(keyring, "export-dek").unwrap(wrapped, SUBJECT));
    assertThrows(DecryptionFailedException.class, () -> wrapper.rewrap(wrapped, OTHER_SUBJECT));
  }

  @Test
  void unwrapFailsWhenAnyByteOfTheWrappedKeyWasTampered() throws Exception {
    byte[] ciphertext = wrapper.wrap(DataKey.generate(), SUBJECT).ciphertext();
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int version = i == 4 ? 3 : 2; // keep the column consistent with the header where possible
      WrappedKey w = new WrappedKey(version, tampered);
      assertThrows(DecryptionFailedException.class, () -> wrapper.unwrap(w, SUBJECT), "byte " + i);
    }
  }

  @Test
  void unwrapFailsWhenTheKekVersionColumnDisagreesWithTheHeader() throws Exception {
    WrappedKey wrapped = wrapper.wrap(DataKey.generate(), SUBJECT);
    WrappedKey lying = new WrappedKey(1, wrapped.ciphertext());
    assertThrows(DecryptionFailedException.class, () -> wrapper.unwrap(lying, SUBJECT));
  }

  @Test
  void unwrapFailsWhenTheKekVersionIsNotLoaded() throws Exception {
    WrappedKey underV3 =
        DataKeyWrapper.forSubjects(rawKeyring(3)).wrap(DataKey.generate(), SUBJECT);
    assertThrows(DecryptionFailedException.class, () -> wrapper.unwrap(underV3, SUBJECT));
  }

  @Test
  void worksWithTheDevelopmentKeystore() throws Exception {
    Keyring dev = Keyring.load(TestSupport.devKeystore(), TestSupport.DEV_PASSWORD);
    DataKeyWrapper devWrapper = DataKeyWrapper.forSubjects(dev);
    DataKey key = DataKey.generate();
    WrappedKey wrapped = devWrapper.wrap(key, SUBJECT);
    assertEquals(2, wrapped.kekVersion());
    assertTrue(key.equalsDataKey(devWrapper.unwrap(wrapped, SUBJECT)));
  }

  @Test
  void wrappedKeyIsImmutableAndPrintsNoBytes() {
    byte[] bytes = new byte[65];
    WrappedKey w = new WrappedKey(2, bytes);
    bytes[0] = 9;
    assertEquals(0, w.ciphertext()[0]);
    w.ciphertext()[1] = 9;
    assertEquals(0, w.ciphertext()[1]);
    assertEquals(new WrappedKey(2, new byte[65]), w);
    assertEquals("WrappedKey[kekVersion=2, 65 bytes]", w.toString());
    assertThrows(IllegalArgumentException.class, () -> new WrappedKey(0, bytes));
  }

  @Test
  void dataKeysAreRandomAndNeverPrinted() {
    DataKey a = DataKey.generate();
    assertFalse(a.equalsDataKey(DataKey.generate()));
    assertTrue(a.equalsDataKey(DataKey.of(SecretBytes.copyOf(a.secret().toByteArray()))));
    assertEquals("DataKey[redacted]", a.toString());
    assertEquals("SecretBytes[32 bytes, redacted]", a.secret().toString());
  }
}
