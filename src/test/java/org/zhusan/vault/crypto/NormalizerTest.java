package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void namesAreCaseFoldedCollapsedAndStripped() {
    assertEquals("áliya nurova", Normalizer.name(" ÁLIYA  Nurova"));
    assertEquals("áliya nurova", Normalizer.name("A\u0301liya\u00A0\u2003Nurova\n"));
    assertEquals("алия нурова", Normalizer.name("  АЛИЯ\tНУРОВА "));
  }

  @Test
  void compatibilityFormsAndInvisibleCharactersDoNotMatter() {
    assertEquals("aliya", Normalizer.name("ＡＬＩＹＡ")); // full-width letters
    assertEquals("aliya", Normalizer.name("Ali\u00ADya\u200B")); // soft hyphen, zero-width space
  }

  @Test
  void accentsStaySignificant() {
    assertNotEquals(Normalizer.name("Áliya"), Normalizer.name("Aliya"));
  }

  @Test
  void iinKeepsTwelveDigitsAndDropsSpacesAndHyphens() {
    assertEquals("940215400123", Normalizer.iin(" 940215-400 123 "));
    assertEquals("940215400123", Normalizer.iin("９４０２１５４００１２３"));
    assertTrue(Normalizer.isValidIin("940215400123"));
  }

  @Test
  void iinRejectsAnythingButTwelveDigitsWithoutEchoingTheValue() {
    for (String bad :
        new String[] {
          "", "94021540012", "9402154001234", "94021540012x", "94O215400123", "٩٤٠٢١٥٤٠٠١٢٣"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Normalizer.iin(bad), bad);
      assertFalse(!bad.isEmpty() && e.getMessage().contains(bad));
      assertFalse(Normalizer.isValidIin(bad));
    }
    assertFalse(Normalizer.isValidIin(null));
  }
}
