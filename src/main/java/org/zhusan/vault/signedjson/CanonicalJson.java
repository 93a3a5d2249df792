package org.zhusan.vault.signedjson;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The JSON Canonicalization Scheme (RFC 8785, "JCS") over JSON-P values, restricted to integers.
 *
 * <p>Written by hand because no well-kept JCS library is on this classpath, and the scheme is small
 * once numbers are restricted to integers: the certificate holds no fractions, and JCS's number
 * rule (ECMAScript's shortest double form) is the only hard part. So:
 *
 * <ul>
 *   <li>Object members are sorted by their names as sequences of UTF-16 code units ({@link
 *       String#compareTo}), recursively; array order is kept.
 *   <li>No whitespace anywhere.
 *   <li>Strings are written with the minimal escaping of ECMAScript's {@code JSON.stringify}:
 *       {@code \"} and {@code \\}; {@code \b \t \n \f \r}; the other control characters
 *       U+0000..U+001F as {@code \}{@code u00xx} with lower-case hex; everything else (including
 *       all non-ASCII) as itself in UTF-8. A string holding an unpaired surrogate is refused (JCS
 *       requires valid Unicode).
 *   <li>Numbers must be integers with magnitude at most 2<sup>53</sup>−1 (exactly representable as
 *       an IEEE-754 double, so the output is also what a full JCS implementation writes); anything
 *       else ({@code 1.5}, {@code 1.0}, {@code 1e2}, larger integers) is refused with {@link
 *       IllegalArgumentException}.
 *   <li>{@code true}, {@code false} and {@code null} as themselves.
 * </ul>
 *
 * <p>{@link #parse} reads UTF-8 strictly (malformed bytes are refused rather than replaced), so
 * that "parse, re-serialise, compare bytes" decides whether a file is in canonical form. Duplicate
 * member names collapse when parsed, and so also fail that comparison.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {

  /** Largest magnitude of an integer that JCS (IEEE-754 doubles) represents exactly. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * Returns the canonical UTF-8 bytes of {@code value}.
   *
   * @throws IllegalArgumentException if it holds a non-integer or too large number, or a string
   *     with an unpaired surrogate
   */
  public static byte[] serialize(JsonValue value) {
    return toCanonicalString(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the canonical text of {@code value}; see {@link #serialize}. */
  public static String toCanonicalString(JsonValue value) {
    Objects.requireNonNull(value, "value is required.");
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /**
   * Parses one JSON value from strict UTF-8 bytes (no byte order mark, no malformed sequences).
   * Surrounding whitespace is accepted here; canonical form is decided by comparing bytes.
   *
   * @throws IllegalArgumentException if the bytes are not UTF-8 or not exactly one JSON value
   */
  public static JsonValue parse(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8 is required.");
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid UTF-8", e);
    }
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new IllegalArgumentException("not JSON: empty");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new IllegalArgumentException("not JSON: more than one value");
      }
      return value;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static void write(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> writeObject(value.asJsonObject(), out);
      case ARRAY -> writeArray(value.asJsonArray(), out);
      case STRING -> writeString(((JsonString) value).getString(), out);
      case NUMBER -> writeNumber((JsonNumber) value, out);
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case NULL -> out.append("null");
    }
  }

  private static void writeObject(JsonObject object, StringBuilder out) {
    List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.entrySet());
    // String.compareTo compares UTF-16 code units, which is exactly JCS's order (RFC 8785 §3.2.3).
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonValue> member : members) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static void writeArray(JsonArray array, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(array.get(i), out);
    }
    out.append(']');
  }

  private static void writeNumber(JsonNumber number, StringBuilder out) {
    BigDecimal decimal = number.bigDecimalValue();
    if (!number.isIntegral()) {
      throw new IllegalArgumentException(
          "only integers are allowed in canonical JSON here, not " + number);
    }
    BigInteger integer = decimal.toBigIntegerExact();
    if (integer.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
      throw new IllegalArgumentException(
          "integer " + integer + " is outside ±(2^53−1), which JCS cannot represent exactly");
    }
    out.append(integer.toString());
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("string holds an unpaired surrogate");
            }
            out.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new IllegalArgumentException("string holds an unpaired surrogate");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
