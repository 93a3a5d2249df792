package org.zhusan.vault.platform.rest;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Reads every JSON request body (all are records) strictly, so a malformed one is a precise 400 and
 * never a 500 or a silently altered value:
 *
 * <ul>
 *   <li>the bytes must be UTF-8 (decoded with {@link CodingErrorAction#REPORT}: invalid bytes are
 *       refused, not replaced with U+FFFD, which would store a name no later lookup finds);
 *   <li>the text must be one JSON value, and an object where a record is expected;
 *   <li>each field must have the expected type; the error names the field and the type, never the
 *       value (it could be sensitive);
 *   <li>at most {@link #MAX_BYTES} bytes (413 beyond).
 * </ul>
 *
 * Declared for {@link Record} (closer to every body type than the runtime's JSON-B reader, declared
 * for {@code Object}) and with a priority, so the runtime always chooses it for records.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(1)
public class StrictJsonReader implements MessageBodyReader<Record> {
  /** No JSON body of this API comes near this (notes are bounded at 4000 characters). */
  static final int MAX_BYTES = 1024 * 1024;

  /** Created on first binding (holder idiom), so the checks before binding need no JSON-B. */
  private static final class Binding {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException, WebApplicationException {
    String text = utf8(entity);
    if (text.isBlank()) {
      throw invalid("A JSON body is required.");
    }
    JsonValue value;
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      parser.next();
      value = parser.getValue();
      if (parser.hasNext()) {
        // JsonReader.readValue would stop after the first value and ignore the rest.
        throw invalid("The body must be a single JSON value; more follows it.");
      }
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw invalid(
          "The body is not valid JSON (line "
              + at.getLineNumber()
              + ", column "
              + at.getColumnNumber()
              + ").");
    } catch (JsonException e) {
      throw invalid("The body is not valid JSON.");
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid("The body must be a JSON object, not " + article(value.getValueType()) + ".");
    }
    for (var field : object.entrySet()) {
      if (holdsNul(field.getKey()) || holdsNul(field.getValue())) {
        throw invalid(QueryString.quotable(field.getKey()) + " must not contain a NUL character.");
      }
    }
    try {
      return Binding.JSONB.fromJson(text, genericType);
    } catch (RuntimeException e) {
      // JSON-B reports a value of the wrong type as JsonbException, sometimes wrapping a
      // DateTimeException or IllegalArgumentException: all of them are the caller's body.
      throw invalid(whichField(type, object));
    }
  }

  /**
   * NUL is never data here, PostgreSQL refuses it in text (a 500 deep in a transaction), and C code
   * downstream would truncate at it.
   */
  static boolean holdsNul(Object value) {
    if (value instanceof String s) {
      return s.indexOf('\0') >= 0;
    }
    if (value instanceof jakarta.json.JsonString s) {
      return holdsNul(s.getString());
    }
    if (value instanceof JsonObject o) {
      return o.entrySet().stream().anyMatch(e -> holdsNul(e.getKey()) || holdsNul(e.getValue()));
    }
    if (value instanceof jakarta.json.JsonArray a) {
      return a.stream().anyMatch(StrictJsonReader::holdsNul);
    }
    return false;
  }

  private static String utf8(InputStream entity) throws IOException {
    byte[] bytes = entity.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new VaultException(
          Problem.of(
              413,
              "payload-too-large",
              "Payload too large",
              "A JSON body is limited to " + MAX_BYTES + " bytes."));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("The body is not valid UTF-8 (RFC 8259 requires UTF-8 JSON).");
    }
  }

  /**
   * Binding failed: find the first field whose value does not bind on its own, and say what it
   * should have been. Only on the error path, so the extra work costs nothing on good requests.
   */
  static String whichField(Class<?> type, JsonObject object) {
    for (RecordComponent c : type.getRecordComponents()) {
      JsonValue v = object.get(c.getName());
      if (v == null || v == JsonValue.NULL) {
        continue;
      }
      try {
        Binding.JSONB.fromJson(v.toString(), c.getGenericType());
      } catch (RuntimeException e) {
        return c.getName() + " must be " + expected(c.getType()) + ".";
      }
    }
    return "The body does not have the expected fields and types.";
  }

  private static String expected(Class<?> type) {
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "of type " + type.getSimpleName();
  }

  private static String article(JsonValue.ValueType t) {
    return switch (t) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  private static VaultException invalid(String detail) {
    return VaultException.badRequest("invalid-json", detail);
  }
}
