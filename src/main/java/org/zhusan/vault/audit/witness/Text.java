package org.zhusan.vault.audit.witness;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The strict spellings the C2SP formats share: canonical decimals, canonical standard base64, valid
 * UTF-8 without control characters. Strict so that each value has exactly one text, as the existing
 * checkpoint body has.
 */
final class Text {

  private Text() {}

  /** Decodes UTF-8, refusing malformed input rather than replacing it. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid UTF-8", e);
    }
  }

  /**
   * Refuses ASCII control characters other than newline (signed-note's rule for the whole note).
   */
  static void checkNoControlCharacters(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException(what + " contains a control character");
      }
    }
  }

  /** Parses a non-negative ASCII decimal with no sign and no leading zeros ("0" for zero). */
  static long decimal(String text, String what) {
    if (text.isEmpty()
        || text.length() > 19
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new IllegalArgumentException(what + " is not a canonical decimal");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is out of range", e);
    }
  }

  /** Decodes standard base64 (RFC 4648 §4) and refuses any spelling but the canonical one. */
  static byte[] base64(String text, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64", e);
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException(what + " is not canonical base64");
    }
    return bytes;
  }

  /** Decodes a 32-byte hash in canonical base64. */
  static byte[] hash(String text, String what) {
    byte[] hash = base64(text, what);
    if (hash.length != 32) {
      throw new IllegalArgumentException(what + " must be 32 bytes, got " + hash.length);
    }
    return hash;
  }
}
