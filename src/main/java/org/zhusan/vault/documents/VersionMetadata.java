package org.zhusan.vault.documents;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata extraction found in a version (author, page count, …) as the JSON object stored
 * encrypted in {@code document_version.metadata_ct}, and back.
 */
final class VersionMetadata {
  // Factories made once: each Json.createXxx() call looks the JSON provider up through the
  // ServiceLoader, which under Payara's class loaders costs more than the JSON itself; this runs
  // once per indexed version and per version shown.
  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private VersionMetadata() {}

  /** A JSON object of the non-null entries. */
  static String toJson(Map<String, String> metadata) {
    JsonObjectBuilder b = BUILDERS.createObjectBuilder();
    metadata.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            b.add(k, v);
          }
        });
    return b.build().toString();
  }

  /** The entries of a stored JSON object (empty for none), in stored order. */
  static Map<String, String> fromJson(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null) {
      return out;
    }
    try (var reader = READERS.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    return out;
  }
}
