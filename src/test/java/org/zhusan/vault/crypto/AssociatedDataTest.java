package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zhusan.vault.crypto.TestSupport.hex;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssociatedDataTest {

  @Test
  void componentBoundariesAreUnambiguous() {
    assertFalse(Arrays.equals(AssociatedData.of("ab", "c"), AssociatedData.of("a", "bc")));
    assertFalse(Arrays.equals(AssociatedData.of("a", ""), AssociatedData.of("a")));
    assertFalse(
        Arrays.equals(
            AssociatedData.forField("subject", "full_name", "1"),
            AssociatedData.forField("subjec", "tfull_name", "1")));
    assertFalse(
        Arrays.equals(
            AssociatedData.forField("t", "c", "12"), AssociatedData.forField("t", "c1", "2")));
  }

  @Test
  void encodesVersionCountAndLengthPrefixedUtf8() {
    assertArrayEquals(hex("01 00000002 00000002 6162 00000001 63"), AssociatedData.of("ab", "c"));
    assertArrayEquals(
        hex("01 00000004 00000005 6669656c64 00000001 74 00000001 63 00000002 3432"),
        AssociatedData.forField("t", "c", 42L));
  }

  @Test
  void fieldContentAndWrappedKeyBindingsNeverCollide() {
    assertFalse(Arrays.equals(AssociatedData.forContent("42"), AssociatedData.of("field", "42")));
    assertFalse(
        Arrays.equals(
            AssociatedData.forWrappedKey("subject-dek", "42"),
            AssociatedData.forField("subject-dek", "42", "x")));
  }

  @Test
  void uuidLongAndStringOverloadsAgree() {
    UUID id = UUID.fromString("6f1c2a4e-3b5d-4c7e-9f10-1a2b3c4d5e6f");
    assertArrayEquals(
        AssociatedData.forField("subject", "iin", id),
        AssociatedData.forField("subject", "iin", id.toString()));
    assertArrayEquals(AssociatedData.forContent(7L), AssociatedData.forContent("7"));
    assertArrayEquals(AssociatedData.forContent(id), AssociatedData.forContent(id.toString()));
  }

  @Test
  void rejectsEmptyOrMissingParts() {
    assertThrows(IllegalArgumentException.class, () -> AssociatedData.forField("", "c", "1"));
    assertThrows(IllegalArgumentException.class, () -> AssociatedData.forField("t", "", "1"));
    assertThrows(IllegalArgumentException.class, () -> AssociatedData.forField("t", "c", ""));
    assertThrows(NullPointerException.class, () -> AssociatedData.forContent((String) null));
  }

  @Test
  void rejectsMalformedUnicodeInsteadOfReplacingIt() {
    // getBytes(UTF_8) would turn both into "a?" and make them collide.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AssociatedData.of("a\uD800"));
    assertFalse(e.getMessage().contains("a\uD800"));
    assertEquals(AssociatedData.of("a?").length, 1 + 4 + 4 + 2);
  }
}
