package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.Keyring;

class BlindTokensTest {
  private final BlindTokens tokens = SearchFixtures.tokens();

  @Test
  void sameStemAndSameKeyGiveTheSameToken() {
    assertEquals(tokens.token("суд"), tokens.token("суд"));
    assertEquals(tokens.token("суд"), SearchFixtures.tokens().token("суд"));
    assertEquals(BlindTokens.TOKEN_BYTES, tokens.token("суд").length());
  }

  @Test
  void differentStemsOrKeysGiveDifferentTokens() {
    assertNotEquals(tokens.token("суд"), tokens.token("суда"));
    assertNotEquals(
        tokens.token("суд"), BlindTokens.create(SearchFixtures.keyring(0x78)).token("суд"));
  }

  @Test
  void isTheBlindIndexForTheVersionedSearchPurpose() {
    Keyring keyring = SearchFixtures.keyring(0x77);
    byte[] expected = BlindIndex.create(keyring, "search.term.v1", 16).compute("hear");
    assertEquals(BlindToken.of(expected), tokens.token("hear"));
    // Other purposes (subject names) give unrelated values for the same string.
    assertNotEquals(
        BlindToken.of(BlindIndex.create(keyring, "subject.full_name", 16).compute("hear")),
        tokens.token("hear"));
  }

  @Test
  void tokensNeverContainTheStemBytes() {
    String[] stems = {"суд", "hear", "құжат", "a", "ab", "ребенок", "2024", "x".repeat(64)};
    for (String stem : stems) {
      byte[] token = tokens.token(stem).bytes();
      byte[] plain = stem.getBytes(StandardCharsets.UTF_8);
      // Not even a 2-byte window of the UTF-8 stem appears in the token (for 1-byte stems, the byte
      // itself may occur by chance with probability 16/256, so windows of 2 are checked).
      for (int len = Math.min(2, plain.length); len <= plain.length; len++) {
        for (int i = 0; i + len <= plain.length; i++) {
          if (len >= 2) {
            assertFalse(contains(token, plain, i, len), "stem bytes inside its token");
          }
        }
      }
      if (!stem.matches("[0-9a-f]*")) {
        assertFalse(tokens.token(stem).toHex().contains(stem), "stem text inside the hex");
      }
    }
  }

  @Test
  void worksWithTheDevelopmentKeystore() throws Exception {
    Path keystore =
        Path.of(System.getProperty("vault.repo.root", ".")).resolve("keys-example/vault-keys.p12");
    BlindTokens dev = BlindTokens.create(Keyring.load(keystore, "development-only".toCharArray()));
    assertEquals(dev.token("суд"), dev.token("суд"));
    assertNotEquals(tokens.token("суд"), dev.token("суд"));
  }

  @Test
  void eachKeyVersionGivesItsOwnTokensAndThePrimaryIsTheDefault() {
    Keyring rotating = SearchFixtures.rotatingKeyring();
    BlindTokens v1 = BlindTokens.create(rotating, 1);
    BlindTokens v2 = BlindTokens.create(rotating, 2);
    assertEquals(1, v1.keyVersion());
    assertEquals(2, v2.keyVersion());
    assertEquals(2, BlindTokens.create(rotating).keyVersion());
    assertEquals(tokens.token("суд"), v1.token("суд")); // v1 is the fixture's single key
    assertNotEquals(v1.token("суд"), v2.token("суд"));
    assertEquals(
        BlindToken.of(BlindIndex.create(rotating, 2, "search.term.v1", 16).compute("суд")),
        v2.token("суд"));
    assertThrows(IllegalArgumentException.class, () -> BlindTokens.create(rotating, 3));
  }

  @Test
  void rejectsEmptyStems() {
    assertThrows(IllegalArgumentException.class, () -> tokens.token(""));
  }

  @Test
  void tokenValueObjectRoundTripsAndOrdersUnsigned() {
    BlindToken t = tokens.token("суд");
    assertEquals(t, BlindToken.fromHex(t.toHex()));
    assertEquals(t, BlindToken.of(t.bytes()));
    assertEquals(t.hashCode(), BlindToken.of(t.bytes()).hashCode());
    assertEquals(-1, Integer.signum(BlindToken.fromHex("7f").compareTo(BlindToken.fromHex("80"))));
    byte[] copy = t.bytes();
    copy[0] ^= 1;
    assertNotEquals(t, BlindToken.of(copy), "bytes() returns a copy");
  }

  private static boolean contains(byte[] haystack, byte[] needle, int from, int len) {
    outer:
    for (int i = 0; i + len <= haystack.length; i++) {
      for (int j = 0; j < len; j++) {
        if (haystack[i + j] != needle[from + j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
