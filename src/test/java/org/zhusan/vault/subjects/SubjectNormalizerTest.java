package org.zhusan.vault.subjects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.Keyring;

class SubjectNormalizerTest {

  @Test
  void namesAreCaseFoldedCollapsedAndStripped() {
    assertEquals("áliya nurova", SubjectNormalizer.name(" ÁLIYA  Nurova"));
    assertEquals("áliya nurova", SubjectNormalizer.name("A\u0301liya\u00A0\u2003Nurova\n"));
    assertEquals("алия нурова", SubjectNormalizer.name("  АЛИЯ\tНУРОВА "));
  }

  @Test
  void compatibilityFormsAndInvisibleCharactersDoNotMatter() {
    assertEquals("aliya", SubjectNormalizer.name("ＡＬＩＹＡ")); // full-width letters
    assertEquals(
        "aliya", SubjectNormalizer.name("Ali\u00ADya\u200B")); // soft hyphen, zero-width space
  }

  @Test
  void accentsStaySignificant() {
    assertNotEquals(SubjectNormalizer.name("Áliya"), SubjectNormalizer.name("Aliya"));
  }

  @Test
  void iinKeepsTwelveDigitsAndDropsSpacesAndHyphens() {
    assertEquals("940215400123", SubjectNormalizer.iin(" 940215-400 123 "));
    assertEquals("940215400123", SubjectNormalizer.iin("９４０２１５４００１２３"));
    assertTrue(SubjectNormalizer.isValidIin("940215400123"));
  }

  @Test
  void iinRejectsAnythingButTwelveDigitsWithoutEchoingTheValue() {
    for (String bad :
        new String[] {
          "", "94021540012", "9402154001234", "94021540012x", "94O215400123", "٩٤٠٢١٥٤٠٠١٢٣"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SubjectNormalizer.iin(bad), bad);
      assertFalse(!bad.isEmpty() && e.getMessage().contains(bad));
      assertFalse(SubjectNormalizer.isValidIin(bad));
    }
    assertFalse(SubjectNormalizer.isValidIin(null));
  }

  @Test
  void normalisedSpellingsOfANameIndexTheSame() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0x42); // a test key, not a real one
    BlindIndex name =
        BlindIndex.create(
            Keyring.insecureFromRawKeys(Map.of(1, key), key), "subject.full_name", 16);
    String decomposed = " A\u0301LIYA  Nurova\t";
    assertArrayEquals(
        name.compute(SubjectNormalizer.name(" ÁLIYA  Nurova")),
        name.compute(SubjectNormalizer.name("áliya nurova")));
    assertArrayEquals(
        name.compute(SubjectNormalizer.name(decomposed)),
        name.compute(SubjectNormalizer.name("áliya nurova")));
  }
}
