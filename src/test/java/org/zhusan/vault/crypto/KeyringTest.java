package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.crypto.TestSupport.DEV_PASSWORD;
import static org.zhusan.vault.crypto.TestSupport.devKeystore;
import static org.zhusan.vault.crypto.TestSupport.filled;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  private static final char[] PASSWORD = "test-password-9f3k".toCharArray();

  @TempDir Path dir;

  @Test
  void loadsTheDevelopmentKeystore() throws Exception {
    Keyring keyring = Keyring.load(devKeystore(), DEV_PASSWORD);
    assertEquals(new TreeSet<>(List.of(1, 2)), keyring.kekVersions());
    assertEquals(2, keyring.primaryKekVersion());
    assertEquals(32, keyring.blindIndexKey().size());
    assertFalse(
        keyring
            .kekKeyset()
            .key(1)
            .orElseThrow()
            .equalsSecretBytes(keyring.kekKeyset().key(2).orElseThrow()));
    assertEquals(List.of(1), List.copyOf(keyring.blindIndexVersions()));
    assertEquals(1, keyring.primaryBlindIndexVersion());
    assertEquals(
        "Keyring[kekVersions=[1, 2], primary=2, blindIndexVersions=[1], primaryBlindIndex=1]",
        keyring.toString());
  }

  @Test
  void wrongPasswordIsAClearErrorThatDoesNotEchoThePassword() {
    char[] wrong = "hunter2-not-it".toCharArray();
    KeyringException e =
        assertThrows(KeyringException.class, () -> Keyring.load(devKeystore(), wrong));
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    assertTrue(e.getMessage().contains("vault-keys.p12"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
    assertFalse(e.getMessage().contains("development-only"));
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.p12");
    KeyringException e =
        assertThrows(KeyringException.class, () -> Keyring.load(missing, PASSWORD));
    assertTrue(e.getMessage().contains("keystore not found: " + missing), e.getMessage());
  }

  @Test
  void notAKeystoreIsAClearError() throws Exception {
    Path garbage = dir.resolve("garbage.p12");
    Files.write(garbage, filled(100, 0x30));
    KeyringException e =
        assertThrows(KeyringException.class, () -> Keyring.load(garbage, PASSWORD));
    assertTrue(e.getMessage().contains("garbage.p12"), e.getMessage());
  }

  @Test
  void missingBlindIndexKeyNamesTheAlias() throws Exception {
    Path p = keystore(Map.of("kek-v1", aes(32, 1)));
    KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(p, PASSWORD));
    assertTrue(e.getMessage().contains("'blind-index-v1'"), e.getMessage());
  }

  @Test
  void missingKeyEncryptionKeysNameTheExpectedAliases() throws Exception {
    Path p = keystore(Map.of("blind-index-v1", aes(32, 1), "kek-1", aes(32, 2)));
    KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(p, PASSWORD));
    assertTrue(e.getMessage().contains("'kek-v1'"), e.getMessage());
  }

  @Test
  void aKeyThatIsNotAes256IsRejectedByAlias() throws Exception {
    Path p = keystore(Map.of("kek-v1", aes(16, 1), "blind-index-v1", aes(32, 2)));
    KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(p, PASSWORD));
    assertTrue(
        e.getMessage().contains("'kek-v1'") && e.getMessage().contains("256-bit AES"),
        e.getMessage());
  }

  @Test
  void highestKekVersionIsPrimaryWhateverTheGaps() throws Exception {
    Path p =
        keystore(
            Map.of(
                "kek-v3",
                aes(32, 3),
                "kek-v10",
                aes(32, 10),
                "blind-index-v1",
                aes(32, 1),
                "unrelated",
                aes(32, 9)));
    Keyring keyring = Keyring.load(p, PASSWORD);
    SortedSet<Integer> versions = keyring.kekVersions();
    assertEquals(List.of(3, 10), List.copyOf(versions));
    assertEquals(10, keyring.primaryKekVersion());
  }

  @Test
  void everyBlindIndexVersionIsLoadedAndTheHighestIsPrimary() throws Exception {
    Path p =
        keystore(
            Map.of(
                "kek-v1",
                aes(32, 1),
                "blind-index-v1",
                aes(32, 0x41),
                "blind-index-v3",
                aes(32, 0x43),
                "blind-index-x",
                aes(32, 0x44)));
    Keyring keyring = Keyring.load(p, PASSWORD);
    assertEquals(List.of(1, 3), List.copyOf(keyring.blindIndexVersions()));
    assertEquals(3, keyring.primaryBlindIndexVersion());
    assertTrue(keyring.hasBlindIndexVersion(1));
    assertFalse(keyring.hasBlindIndexVersion(2));
    assertTrue(keyring.blindIndexKey().equalsSecretBytes(SecretBytes.copyOf(filled(32, 0x43))));
    assertTrue(keyring.blindIndexKey(1).equalsSecretBytes(SecretBytes.copyOf(filled(32, 0x41))));
    assertThrows(IllegalArgumentException.class, () -> keyring.blindIndexKey(2));
  }

  @Test
  void anOldBlindIndexVersionAloneIsEnough() throws Exception {
    // After v1 has been removed, v2 alone is a complete keystore.
    Path p = keystore(Map.of("kek-v1", aes(32, 1), "blind-index-v2", aes(32, 0x42)));
    Keyring keyring = Keyring.load(p, PASSWORD);
    assertEquals(List.of(2), List.copyOf(keyring.blindIndexVersions()));
    assertEquals(2, keyring.primaryBlindIndexVersion());
  }

  @Test
  void aBlindIndexVersionThatIsNotAes256IsRejectedByAlias() throws Exception {
    Path p =
        keystore(
            Map.of(
                "kek-v1", aes(32, 1), "blind-index-v1", aes(32, 2), "blind-index-v2", aes(16, 3)));
    KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(p, PASSWORD));
    assertTrue(
        e.getMessage().contains("'blind-index-v2'") && e.getMessage().contains("256-bit AES"),
        e.getMessage());
  }

  @Test
  void rawKeyFactoryTakesSeveralBlindIndexVersions() {
    Keyring keyring =
        Keyring.insecureFromRawKeys(
            Map.of(1, filled(32, 1)), Map.of(1, filled(32, 0x41), 2, filled(32, 0x42)));
    assertEquals(List.of(1, 2), List.copyOf(keyring.blindIndexVersions()));
    assertEquals(2, keyring.primaryBlindIndexVersion());
    assertEquals(
        1,
        Keyring.insecureFromRawKeys(Map.of(1, filled(32, 1)), filled(32, 0x41))
            .primaryBlindIndexVersion());
    assertThrows(
        IllegalArgumentException.class,
        () -> Keyring.insecureFromRawKeys(Map.of(1, filled(32, 1)), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Keyring.insecureFromRawKeys(Map.of(1, filled(32, 1)), Map.of(0, filled(32, 0x41))));
    assertThrows(
        IllegalArgumentException.class,
        () -> Keyring.insecureFromRawKeys(Map.of(1, filled(32, 1)), Map.of(1, filled(31, 0x41))));
  }

  @Test
  void rawKeyFactoryValidatesSizes() {
    assertThrows(
        IllegalArgumentException.class, () -> Keyring.insecureFromRawKeys(Map.of(), filled(32, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Keyring.insecureFromRawKeys(Map.of(1, filled(32, 1)), filled(16, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Keyring.insecureFromRawKeys(Map.of(1, filled(31, 1)), filled(32, 1)));
    assertEquals(2, TestSupport.rawKeyring(1, 2).primaryKekVersion());
  }

  private static SecretKeySpec aes(int size, int fill) {
    return new SecretKeySpec(filled(size, fill), "AES");
  }

  private Path keystore(Map<String, SecretKeySpec> entries) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (Map.Entry<String, SecretKeySpec> e : entries.entrySet()) {
      store.setEntry(
          e.getKey(),
          new KeyStore.SecretKeyEntry(e.getValue()),
          new KeyStore.PasswordProtection(PASSWORD));
    }
    Path p = Files.createTempFile(dir, "keys", ".p12");
    try (OutputStream out = Files.newOutputStream(p)) {
      store.store(out, PASSWORD);
    }
    return p;
  }
}
