package org.zhusan.vault.platform.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A raw query string ({@code a=1&b=%C3%A9}) decoded strictly: percent escapes must be complete, the
 * bytes must be UTF-8, and no name or value may hold a control character (NUL among them).
 *
 * <p>Why not the container's decoding: it replaces invalid UTF-8 with U+FFFD and passes NUL through
 * to PostgreSQL, which refuses it deep inside a transaction (a 500 and a FAILED access-log entry
 * for what is a malformed request). Pure; thread-safe.
 */
public final class QueryString {
  /** One decoded {@code name=value} pair ({@code value} is empty for a bare {@code name}). */
  public record Parameter(String name, String value) {
    public Parameter {
      Objects.requireNonNull(name, "name is required.");
      Objects.requireNonNull(value, "value is required.");
    }
  }

  /** The query is malformed; the message names the parameter when its name could be decoded. */
  public static final class MalformedQueryException extends RuntimeException {
    MalformedQueryException(String message) {
      super(message);
    }
  }

  private QueryString() {}

  /** The parameters of {@code rawQuery} in order ({@code null} or empty: none). */
  public static List<Parameter> parse(String rawQuery) {
    List<Parameter> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a query parameter name");
      String value =
          eq < 0 ? "" : decode(pair.substring(eq + 1), "query parameter " + quotable(name));
      out.add(new Parameter(name, value));
    }
    return out;
  }

  /**
   * A parameter name fit to be quoted back in an error: short, letters, digits, {@code . _ -} only.
   * Anything else is not echoed (a name can be data pasted in the wrong place).
   */
  public static String quotable(String name) {
    return name != null && name.matches("[A-Za-z][A-Za-z0-9._-]{0,40}")
        ? name
        : "(a parameter whose name is not shown)";
  }

  /** One path segment, decoded under the same rules (a {@code +} stays a plus). */
  public static String decodePathSegment(String raw) {
    return decode(raw.replace("+", "%2B"), "a path segment");
  }

  /** Decodes {@code raw}; {@code where} says what it is in the error message. */
  private static String decode(String raw, String where) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw new MalformedQueryException(where + " has an incomplete percent escape.");
        }
        bytes.write(
            Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c > 0x7e || c < 0x20) {
        // The container hands the raw query over as ISO-8859-1 text; raw non-ASCII is not RFC 3986.
        throw new MalformedQueryException(
            where + " holds a character that must be percent-encoded.");
      } else {
        bytes.write(c);
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedQueryException(where + " is not valid UTF-8.");
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      throw new MalformedQueryException(
          where + " holds a control character (such as NUL), which no parameter accepts.");
    }
    return text;
  }
}
