package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.crypto.TestSupport.filled;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTest {
  private static final SecretBytes KEY = SecretBytes.copyOf(filled(32, 0x77));

  private final BlindIndex iin = BlindIndex.create(KEY, "subject.iin", 16);
  private final BlindIndex name = BlindIndex.create(KEY, "subject.full_name", 16);

  @Test
  void isDeterministicForTheSameKeyAndPurpose() {
    assertArrayEquals(iin.compute("940215400123"), iin.compute("940215400123"));
    assertArrayEquals(
        iin.compute("940215400123"),
        BlindIndex.create(SecretBytes.copyOf(filled(32, 0x77)), "subject.iin", 16)
            .compute("940215400123"));
  }

  @Test
  void differsAcrossValuesPurposesAndKeys() {
    byte[] a = iin.compute("940215400123");
    assertFalse(Arrays.equals(a, iin.compute("940215400124")));
    assertFalse(Arrays.equals(a, name.compute("940215400123")));
    assertFalse(
        Arrays.equals(a, BlindIndex.create(KEY, "search.term", 16).compute("940215400123")));
    BlindIndex otherKey =
        BlindIndex.create(SecretBytes.copyOf(filled(32, 0x78)), "subject.iin", 16);
    assertFalse(Arrays.equals(a, otherKey.compute("940215400123")));
  }

  @Test
  void matchesAnIndependentHkdfThenHmacComputation() throws Exception {
    // Subkey = HKDF-SHA256(key, salt = 32 zero bytes, info = label || 0x00 || purpose), one block.
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] prk = hmac.doFinal(filled(32, 0x77));
    hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
    hmac.update("zhusan-vault/blind-index/v1".getBytes(StandardCharsets.US_ASCII));
    hmac.update((byte) 0);
    hmac.update("subject.iin".getBytes(StandardCharsets.US_ASCII));
    hmac.update((byte) 1);
    byte[] subkey = hmac.doFinal();
    hmac.init(new SecretKeySpec(subkey, "HmacSHA256"));
    byte[] expected =
        Arrays.copyOf(hmac.doFinal("940215400123".getBytes(StandardCharsets.UTF_8)), 16);
    assertArrayEquals(expected, iin.compute("940215400123"));
  }

  @Test
  void outputLengthIsConfigurableAndATruncationOfTheFullHmac() {
    byte[] full = BlindIndex.create(KEY, "subject.iin", 32).compute("x");
    byte[] eight = BlindIndex.create(KEY, "subject.iin", 8).compute("x");
    assertEquals(32, full.length);
    assertEquals(16, iin.compute("x").length);
    assertArrayEquals(Arrays.copyOf(full, 8), eight);
    assertThrows(IllegalArgumentException.class, () -> BlindIndex.create(KEY, "subject.iin", 7));
    assertThrows(IllegalArgumentException.class, () -> BlindIndex.create(KEY, "subject.iin", 33));
  }

  @Test
  void rejectsPurposesThatAreNotSimpleNames() {
    for (String bad : new String[] {"", "Subject.IIN", "subject iin", "subject/iin", ".x"}) {
      assertThrows(IllegalArgumentException.class, () -> BlindIndex.create(KEY, bad, 16), bad);
    }
  }

  @Test
  void normalisedSpellingsOfANameIndexTheSame() {
    String decomposed = " A\u0301LIYA  Nurova\t";
    assertArrayEquals(
        name.compute(Normalizer.name(" ÁLIYA  Nurova")),
        name.compute(Normalizer.name("áliya nurova")));
    assertArrayEquals(
        name.compute(Normalizer.name(decomposed)), name.compute(Normalizer.name("áliya nurova")));
  }

  @Test
  void usesTheKeyringsBlindIndexKey() throws Exception {
    Keyring keyring = Keyring.load(TestSupport.devKeystore(), TestSupport.DEV_PASSWORD);
    BlindIndex fromKeyring = BlindIndex.create(keyring, "subject.iin");
    assertArrayEquals(
        BlindIndex.create(keyring.blindIndexKey(), "subject.iin", 16).compute("940215400123"),
        fromKeyring.compute("940215400123"));
    assertEquals(
        "BlindIndex[keyVersion=1, purpose=subject.iin, outputBytes=16]", fromKeyring.toString());
  }

  @Test
  void theKeyVersionSelectsTheKeyAndThePrimaryIsTheDefault() {
    Keyring keyring =
        Keyring.insecureFromRawKeys(
            Map.of(1, filled(32, 0x11)), Map.of(1, filled(32, 0x77), 2, filled(32, 0x78)));
    BlindIndex v1 = BlindIndex.create(keyring, 1, "subject.iin", 16);
    BlindIndex v2 = BlindIndex.create(keyring, 2, "subject.iin", 16);
    BlindIndex primary = BlindIndex.create(keyring, "subject.iin");
    assertEquals(1, v1.keyVersion());
    assertEquals(2, v2.keyVersion());
    assertEquals(2, primary.keyVersion());
    // Same value, same purpose: a different key version gives an unrelated index ...
    assertFalse(Arrays.equals(v1.compute("940215400123"), v2.compute("940215400123")));
    // ... and each version is exactly the single-key index under that version's key.
    assertArrayEquals(iin.compute("940215400123"), v1.compute("940215400123"));
    assertArrayEquals(
        BlindIndex.create(SecretBytes.copyOf(filled(32, 0x78)), "subject.iin", 16)
            .compute("940215400123"),
        v2.compute("940215400123"));
    assertArrayEquals(v2.compute("940215400123"), primary.compute("940215400123"));
  }

  @Test
  void aVersionNotInTheKeyringIsRefusedByNumber() {
    Keyring keyring = Keyring.insecureFromRawKeys(Map.of(1, filled(32, 0x11)), filled(32, 0x77));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BlindIndex.create(keyring, 2, "subject.iin", 16));
    assertTrue(e.getMessage().contains("v2"), e.getMessage());
  }
}
