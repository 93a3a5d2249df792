package org.zhusan.vault.signedjson;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Strict readers of the members of a parsed JSON object, for the body schemas of signed files. Each
 * throws {@link IllegalArgumentException} naming the member when it is absent or of another form.
 */
public final class JsonFields {

  private JsonFields() {}

  /** Requires {@code object} to have exactly the members {@code expected}. */
  public static void requireMembers(JsonObject object, Set<String> expected, String what) {
    for (String name : expected) {
      if (!object.containsKey(name)) {
        throw new IllegalArgumentException(what + " has no member \"" + name + "\"");
      }
    }
    for (String name : object.keySet()) {
      if (!expected.contains(name)) {
        throw new IllegalArgumentException(what + " has an unknown member \"" + name + "\"");
      }
    }
  }

  /** Returns the string member {@code name}. */
  public static String string(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonString s)) {
      throw new IllegalArgumentException("\"" + name + "\" is not a string");
    }
    return s.getString();
  }

  /** Returns the object member {@code name}. */
  public static JsonObject object(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonObject member)) {
      throw new IllegalArgumentException("\"" + name + "\" is not an object");
    }
    return member;
  }

  /** Returns the UUID in the string member {@code name}. */
  public static UUID uuid(JsonObject object, String name) {
    try {
      return UUID.fromString(string(object, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a UUID", e);
    }
  }

  /** Returns the ISO-8601 UTC instant in the string member {@code name}. */
  public static Instant instant(JsonObject object, String name) {
    try {
      return Instant.parse(string(object, name));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not an ISO-8601 UTC instant", e);
    }
  }

  /** Returns the {@code yyyy-MM-dd} date in the string member {@code name}. */
  public static LocalDate date(JsonObject object, String name) {
    try {
      return LocalDate.parse(string(object, name));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a yyyy-MM-dd date", e);
    }
  }
}
