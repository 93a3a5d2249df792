package org.zhusan.vault.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Small byte-encoding helpers used when strings become cryptographic input.
 *
 * <p>Strict UTF-8: {@code String.getBytes(UTF_8)} silently replaces unpaired surrogates with {@code
 * '?'}, which would make two different strings produce the same associated data or blind index.
 * Here such strings are rejected instead; the error message never repeats the value, which may be
 * sensitive.
 *
 * <p>Thread safety: stateless.
 */
final class Encoding {
  private Encoding() {}

  static byte[] utf8Strict(String s) {
    try {
      ByteBuffer bb =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(s));
      byte[] out = new byte[bb.remaining()];
      bb.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("value is not well-formed Unicode (unpaired surrogate)");
    }
  }

  static void putIntBigEndian(byte[] out, int offset, int value) {
    out[offset] = (byte) (value >>> 24);
    out[offset + 1] = (byte) (value >>> 16);
    out[offset + 2] = (byte) (value >>> 8);
    out[offset + 3] = (byte) value;
  }

  static int getIntBigEndian(byte[] in, int offset) {
    return ((in[offset] & 0xff) << 24)
        | ((in[offset + 1] & 0xff) << 16)
        | ((in[offset + 2] & 0xff) << 8)
        | (in[offset + 3] & 0xff);
  }
}
