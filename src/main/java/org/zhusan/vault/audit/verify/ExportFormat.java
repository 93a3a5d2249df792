package org.zhusan.vault.audit.verify;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * The access-log export format: JSON Lines (UTF-8, one JSON object per line, lines separated by
 * {@code \n}), each line either an entry or a signed checkpoint.
 *
 * <h2>Entry line</h2>
 *
 * <pre>
 * {"type":"entry","sequence":0,"occurredAt":"2025-11-25T06:36:00.123456Z","userId":"u-042",
 *  "role":"PSYCHOLOGIST","centre":"C07","action":"READ_VERSION","targetType":"VERSION",
 *  "targetId":"v-9001","purpose":"TREATMENT","justification":null,"outcome":"ALLOWED",
 *  "rule":"psych-eval.read","reason":null,"breakGlass":false,"clientAddress":"10.1.2.3",
 *  "requestId":"req-7","previousLeafHash":"0000…0000"}
 * </pre>
 *
 * (one line in the file). Every {@link AuditEntry} field appears exactly once under its record
 * name: {@code sequence} a JSON integer written plainly ({@code 12}, not {@code 12.0} or {@code
 * 1.2e1}); {@code occurredAt} an ISO-8601 UTC instant as {@link Checkpoint#formatTimestamp} prints
 * it (at most microseconds, no trailing zeros); nullable text fields {@code null} or a string;
 * {@code breakGlass} {@code true}/{@code false}; {@code previousLeafHash} 64 lowercase hex digits.
 * The leaf hash is not exported: the verifier recomputes it from these fields with {@code
 * AuditEntryEncoding}.
 *
 * <h2>Checkpoint line</h2>
 *
 * <pre>
 * {"type":"checkpoint","origin":"zhusan-vault/audit-log/v1","size":1000,
 *  "rootHash":"&lt;base64, 32 bytes&gt;","timestamp":"2025-11-25T06:40:00Z","signature":"&lt;base64, 64 bytes&gt;"}
 * </pre>
 *
 * The signature is Ed25519 over the checkpoint body {@code origin\nsize\nrootHash\ntimestamp\n}
 * (see {@link Checkpoint}); base64 is standard with padding, as in the body.
 *
 * <h2>Order</h2>
 *
 * <p>Entries appear in sequence order from 0. A checkpoint line appears directly after the entry
 * that brings the log to its size (a checkpoint of size 0 comes first), and the export ends with a
 * checkpoint whose size is the number of entries, so that every entry is covered by a signature.
 * {@link ExportWriter} enforces this order.
 *
 * <h2>Strictness</h2>
 *
 * <p>{@link #parseLine} accepts only what {@link #entryLine}/{@link #checkpointLine} write, up to
 * JSON whitespace and key order: unknown, missing or duplicate keys, wrong types, non-canonical
 * numbers, timestamps, hex or base64 are rejected. Stateless and thread-safe.
 */
public final class ExportFormat {

  /** Value of {@code "type"} on an entry line. */
  public static final String TYPE_ENTRY = "entry";

  /** Value of {@code "type"} on a checkpoint line. */
  public static final String TYPE_CHECKPOINT = "checkpoint";

  private static final Set<String> ENTRY_KEYS =
      Set.of(
          "type",
          "sequence",
          "occurredAt",
          "userId",
          "role",
          "centre",
          "action",
          "targetType",
          "targetId",
          "purpose",
          "justification",
          "outcome",
          "rule",
          "reason",
          "breakGlass",
          "clientAddress",
          "requestId",
          "previousLeafHash");

  private static final Set<String> CHECKPOINT_KEYS =
      Set.of("type", "origin", "size", "rootHash", "timestamp", "signature");

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  // One factory for every line: Json.createObjectBuilder() looks the JSON provider up through
  // ServiceLoader on each call, which inside the application server cost more than the rest of
  // writing an entry (online verification streamed under 3,000 entries a second).
  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

  private static final HexFormat HEX = HexFormat.of();

  // All numbers in an export are integers: no fraction, exponent, leading zero or "-0".
  private static final Pattern PLAIN_INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

  private ExportFormat() {}

  /** Returns the entry line for {@code entry} (without the line terminator). */
  public static String entryLine(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry is required.");
    JsonObjectBuilder b =
        BUILDERS
            .createObjectBuilder()
            .add("type", TYPE_ENTRY)
            .add("sequence", entry.sequence())
            .add("occurredAt", Checkpoint.formatTimestamp(entry.occurredAt()))
            .add("userId", entry.userId())
            .add("role", entry.role());
    addNullable(b, "centre", entry.centre());
    b.add("action", entry.action());
    addNullable(b, "targetType", entry.targetType());
    addNullable(b, "targetId", entry.targetId());
    addNullable(b, "purpose", entry.purpose());
    addNullable(b, "justification", entry.justification());
    b.add("outcome", entry.outcome());
    addNullable(b, "rule", entry.rule());
    addNullable(b, "reason", entry.reason());
    b.add("breakGlass", entry.breakGlass());
    addNullable(b, "clientAddress", entry.clientAddress());
    addNullable(b, "requestId", entry.requestId());
    b.add("previousLeafHash", HEX.formatHex(entry.previousLeafHash()));
    return b.build().toString();
  }

  /** Returns the checkpoint line for {@code signed} (without the line terminator). */
  public static String checkpointLine(SignedCheckpoint signed) {
    Objects.requireNonNull(signed, "signed is required.");
    Checkpoint c = signed.checkpoint();
    return BUILDERS
        .createObjectBuilder()
        .add("type", TYPE_CHECKPOINT)
        .add("origin", c.origin())
        .add("size", c.size())
        .add("rootHash", Base64.getEncoder().encodeToString(c.rootHash()))
        .add("timestamp", Checkpoint.formatTimestamp(c.timestamp()))
        .add("signature", Base64.getEncoder().encodeToString(signed.signature()))
        .build()
        .toString();
  }

  /**
   * Parses one line (without its terminator).
   *
   * @throws IllegalArgumentException with a short reason if the line is not a valid entry or
   *     checkpoint line
   */
  public static ExportLine parseLine(String line) {
    Objects.requireNonNull(line, "line is required.");
    Map<String, JsonValue> object = readObject(line);
    String type = string(object, "type");
    if (TYPE_ENTRY.equals(type)) {
      return new ExportLine.EntryLine(parseEntry(object));
    }
    if (TYPE_CHECKPOINT.equals(type)) {
      return new ExportLine.CheckpointLine(parseCheckpoint(object));
    }
    throw new IllegalArgumentException("unknown line type \"" + type + "\"");
  }

  private static AuditEntry parseEntry(Map<String, JsonValue> o) {
    requireKeys(o, ENTRY_KEYS);
    return AuditEntry.builder()
        .sequence(nonNegativeLong(o, "sequence"))
        .occurredAt(Checkpoint.parseTimestamp(string(o, "occurredAt")))
        .userId(string(o, "userId"))
        .role(string(o, "role"))
        .centre(nullableString(o, "centre"))
        .action(string(o, "action"))
        .targetType(nullableString(o, "targetType"))
        .targetId(nullableString(o, "targetId"))
        .purpose(nullableString(o, "purpose"))
        .justification(nullableString(o, "justification"))
        .outcome(string(o, "outcome"))
        .rule(nullableString(o, "rule"))
        .reason(nullableString(o, "reason"))
        .breakGlass(bool(o, "breakGlass"))
        .clientAddress(nullableString(o, "clientAddress"))
        .requestId(nullableString(o, "requestId"))
        .previousLeafHash(hexHash(o, "previousLeafHash"))
        .build();
  }

  private static SignedCheckpoint parseCheckpoint(Map<String, JsonValue> o) {
    requireKeys(o, CHECKPOINT_KEYS);
    Checkpoint checkpoint =
        new Checkpoint(
            string(o, "origin"),
            nonNegativeLong(o, "size"),
            base64(o, "rootHash"),
            Checkpoint.parseTimestamp(string(o, "timestamp")));
    return new SignedCheckpoint(checkpoint, base64(o, "signature"));
  }

  /**
   * Reads a flat JSON object (scalar values only, as both line types are) with the streaming
   * parser, rejecting duplicate keys, nested values and anything after the object.
   */
  private static Map<String, JsonValue> readObject(String line) {
    Map<String, JsonValue> object = new HashMap<>(32);
    try (JsonParser parser = PARSERS.createParser(new StringReader(line))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new IllegalArgumentException("line is not a JSON object");
      }
      while (true) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_OBJECT) {
          break;
        }
        String key = parser.getString(); // event is KEY_NAME inside an object
        JsonParser.Event valueEvent = parser.next();
        if (valueEvent == JsonParser.Event.START_OBJECT
            || valueEvent == JsonParser.Event.START_ARRAY) {
          throw new IllegalArgumentException(
              "\"" + truncate(key) + "\" must not be an object or array");
        }
        if (valueEvent == JsonParser.Event.VALUE_NUMBER
            && !PLAIN_INTEGER.matcher(parser.getString()).matches()) {
          throw new IllegalArgumentException(
              "\"" + truncate(key) + "\" must be an integer written plainly");
        }
        if (object.put(key, parser.getValue()) != null) {
          throw new IllegalArgumentException("duplicate key \"" + truncate(key) + "\"");
        }
      }
      if (parser.hasNext()) {
        throw new IllegalArgumentException("content after the JSON object");
      }
      return object;
    } catch (JsonException | NoSuchElementException e) {
      // Syntax errors and content after the object.
      throw new IllegalArgumentException("invalid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  private static void requireKeys(Map<String, JsonValue> o, Set<String> keys) {
    if (!o.keySet().equals(keys)) {
      for (String key : keys) {
        if (!o.containsKey(key)) {
          throw new IllegalArgumentException("missing key \"" + key + "\"");
        }
      }
      for (String key : o.keySet()) {
        if (!keys.contains(key)) {
          throw new IllegalArgumentException("unknown key \"" + truncate(key) + "\"");
        }
      }
    }
  }

  private static <T extends JsonValue> T typed(
      Map<String, JsonValue> o, String key, Class<T> type, String what) {
    JsonValue value = o.get(key);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("\"" + key + "\" must be " + what);
    }
    return type.cast(value);
  }

  private static String string(Map<String, JsonValue> o, String key) {
    return typed(o, key, JsonString.class, "a string").getString();
  }

  private static String nullableString(Map<String, JsonValue> o, String key) {
    JsonValue value = o.get(key);
    if (value != null && value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return typed(o, key, JsonString.class, "a string or null").getString();
  }

  private static boolean bool(Map<String, JsonValue> o, String key) {
    JsonValue.ValueType type = o.get(key) == null ? null : o.get(key).getValueType();
    if (type == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (type == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw new IllegalArgumentException("\"" + key + "\" must be true or false");
  }

  private static long nonNegativeLong(Map<String, JsonValue> o, String key) {
    JsonNumber number = typed(o, key, JsonNumber.class, "a number");
    long value;
    try {
      value = number.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + key + "\" is not a 64-bit integer", e);
    }
    if (value < 0) {
      throw new IllegalArgumentException("\"" + key + "\" must not be negative");
    }
    return value;
  }

  private static byte[] hexHash(Map<String, JsonValue> o, String key) {
    String text = string(o, key);
    return decodeCanonical(text, key, "64 lowercase hex digits", HEX::parseHex, HEX::formatHex);
  }

  private static byte[] base64(Map<String, JsonValue> o, String key) {
    String text = string(o, key);
    return decodeCanonical(
        text,
        key,
        "canonical base64",
        Base64.getDecoder()::decode,
        Base64.getEncoder()::encodeToString);
  }

  private static byte[] decodeCanonical(
      String text,
      String key,
      String what,
      Function<String, byte[]> decode,
      Function<byte[], String> encode) {
    byte[] bytes;
    try {
      bytes = decode.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + key + "\" must be " + what, e);
    }
    if (!encode.apply(bytes).equals(text)) {
      throw new IllegalArgumentException("\"" + key + "\" must be " + what);
    }
    return bytes;
  }

  private static void addNullable(JsonObjectBuilder b, String key, String value) {
    if (value == null) {
      b.addNull(key);
    } else {
      b.add(key, value);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return truncate(nl < 0 ? message : message.substring(0, nl));
  }

  private static String truncate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
