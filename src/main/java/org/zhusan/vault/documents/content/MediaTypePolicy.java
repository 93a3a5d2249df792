package org.zhusan.vault.documents.content;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The allowlist of file formats: which detected media types each {@link DocumentType} accepts. A
 * file whose type (found by {@link ContentDetector} from its bytes) is not on its document type's
 * list is refused; the REST layer answers 415 naming the detected type.
 *
 * <p>The list is read from a JSON file ({@code config/media-types.json}; a copy ships on the
 * classpath as {@code /media-types.json} for {@link #defaults()}):
 *
 * <pre>{@code
 * {
 *   "comment": "free text, ignored",
 *   "accepted": {
 *     "IDENTITY": ["application/pdf", "image/jpeg", "image/png", "image/tiff"],
 *     "COURT":    ["application/pdf", ...],
 *     ...                      (every DocumentType must appear; [] accepts nothing)
 *   }
 * }
 * }</pre>
 *
 * <p>Loading validates everything and fails with a {@link MediaTypePolicyException} naming the bad
 * entry: unknown keys, unknown or missing document types, duplicates, malformed media types, media
 * types with parameters, and types that are <em>never</em> accepted whatever the file says —
 * executables, scripts, archives, HTML, XML (and {@code +xml} types such as SVG), CHM,
 * macro-enabled Office formats, Tika's internal container types and {@code
 * application/octet-stream}. Aliases are replaced by Tika's canonical name ({@code text/rtf}
 * becomes {@code application/rtf}), which is what detection reports.
 *
 * <p>Immutable once loaded; thread-safe.
 */
public final class MediaTypePolicy {
  /** Classpath location of the default policy. */
  public static final String DEFAULT_RESOURCE = "/media-types.json";

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("comment", "accepted");

  /** Refused whatever the configuration says: the hostile-file classes of the threat model. */
  private static final Map<String, String> NEVER_ACCEPTED =
      Map.ofEntries(
          Map.entry("application/octet-stream", "unidentified binary"),
          Map.entry(DetectedType.EMPTY, "empty file"),
          Map.entry("application/zip", "archive"),
          Map.entry("application/x-zip-compressed", "archive"),
          Map.entry("application/java-archive", "archive"),
          Map.entry("application/x-tar", "archive"),
          Map.entry("application/gzip", "archive"),
          Map.entry("application/x-gzip", "archive"),
          Map.entry("application/x-bzip2", "archive"),
          Map.entry("application/x-xz", "archive"),
          Map.entry("application/x-7z-compressed", "archive"),
          Map.entry("application/x-rar-compressed", "archive"),
          Map.entry("application/vnd.rar", "archive"),
          Map.entry("application/x-cpio", "archive"),
          Map.entry("application/vnd.ms-cab-compressed", "archive"),
          Map.entry("application/x-msdownload", "executable"),
          Map.entry("application/x-dosexec", "executable"),
          Map.entry("application/x-executable", "executable"),
          Map.entry("application/x-sharedlib", "executable"),
          Map.entry("application/x-elf", "executable"),
          Map.entry("application/x-mach-o-executable", "executable"),
          Map.entry("application/x-msi", "executable"),
          Map.entry("application/java-vm", "executable"),
          Map.entry("application/x-sh", "script"),
          Map.entry("application/x-csh", "script"),
          Map.entry("application/x-bat", "script"),
          Map.entry("application/javascript", "script"),
          Map.entry("text/javascript", "script"),
          Map.entry("application/x-httpd-php", "script"),
          Map.entry("application/xml", "XML"),
          Map.entry("text/xml", "XML"),
          Map.entry("text/html", "HTML"),
          Map.entry("application/xhtml+xml", "HTML"),
          Map.entry("application/vnd.ms-htmlhelp", "CHM"),
          Map.entry("application/x-chm", "CHM"),
          Map.entry("application/x-shockwave-flash", "active content"));

  /** Also refused: anything Tika knows as a specialisation of one of these. */
  private static final List<MediaType> NEVER_ACCEPTED_SUPERTYPES =
      List.of(
          MediaType.application("xml"),
          MediaType.text("html"),
          MediaType.application("x-executable"),
          MediaType.application("x-msdownload"),
          MediaType.application("javascript"),
          MediaType.application("x-sh"));

  private static final MediaTypeRegistry REGISTRY =
      MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  private final Map<DocumentType, Set<String>> accepted;

  private MediaTypePolicy(Map<DocumentType, Set<String>> accepted) {
    this.accepted = Collections.unmodifiableMap(accepted);
  }

  /**
   * The policy shipped with the vault ({@code /media-types.json} on the classpath).
   *
   * @throws MediaTypePolicyException if the resource is missing or invalid
   */
  public static MediaTypePolicy defaults() {
    try (InputStream in = MediaTypePolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new MediaTypePolicyException("classpath:" + DEFAULT_RESOURCE + " is missing");
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new MediaTypePolicyException("classpath:" + DEFAULT_RESOURCE + " cannot be read", e);
    }
  }

  /**
   * Reads and validates a policy file.
   *
   * @throws MediaTypePolicyException if the file cannot be read or is invalid
   */
  public static MediaTypePolicy load(Path file) {
    Objects.requireNonNull(file, "Policy file is required.");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MediaTypePolicyException(
          file + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
    return parse(json, file.toString());
  }

  /**
   * Parses and validates policy JSON; {@code source} names it in error messages.
   *
   * @throws MediaTypePolicyException if it is invalid
   */
  public static MediaTypePolicy parse(String json, String source) {
    Objects.requireNonNull(json, "Policy JSON is required.");
    Objects.requireNonNull(source, "Source name is required.");
    JsonObject root = readObject(new StringReader(json), source);
    for (String key : root.keySet()) {
      if (!TOP_LEVEL_KEYS.contains(key)) {
        throw new MediaTypePolicyException(
            source + ": unknown key \"" + key + "\" (expected " + TOP_LEVEL_KEYS + ")");
      }
    }
    JsonValue acceptedValue = root.get("accepted");
    if (acceptedValue == null || acceptedValue.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MediaTypePolicyException(
          source + ": \"accepted\" must be an object mapping document types to media type lists");
    }
    Map<DocumentType, Set<String>> accepted = new EnumMap<>(DocumentType.class);
    for (Map.Entry<String, JsonValue> entry : acceptedValue.asJsonObject().entrySet()) {
      DocumentType documentType = documentType(entry.getKey(), source);
      accepted.put(documentType, mediaTypes(documentType, entry.getValue(), source));
    }
    for (DocumentType documentType : DocumentType.values()) {
      if (!accepted.containsKey(documentType)) {
        throw new MediaTypePolicyException(
            source + ": document type " + documentType + " is missing (use [] to accept nothing)");
      }
    }
    return new MediaTypePolicy(accepted);
  }

  /**
   * Decides whether a file of the detected type may be stored as a document of the given type.
   * Empty files and types not on the list are rejected with a reason naming the detected type.
   */
  public Verdict check(DocumentType documentType, DetectedType detected) {
    Objects.requireNonNull(documentType, "Document type is required.");
    Objects.requireNonNull(detected, "Detected type is required.");
    if (detected.isEmpty()) {
      return Verdict.reject(detected, "empty file: it has no content");
    }
    if (accepted.get(documentType).contains(detected.mediaType())) {
      return Verdict.accept(detected);
    }
    return Verdict.reject(
        detected,
        "detected type "
            + detected.mediaType()
            + " is not accepted for "
            + documentType
            + " documents");
  }

  /** The media types accepted for a document type, in file order. */
  public Set<String> acceptedTypes(DocumentType documentType) {
    return accepted.get(Objects.requireNonNull(documentType, "Document type is required."));
  }

  /**
   * Why a media type may never be accepted, if it is one of those; used when loading a policy.
   *
   * @param baseType a lower-case base media type
   */
  static Optional<String> neverAcceptedBecause(String baseType) {
    String fixed = NEVER_ACCEPTED.get(baseType);
    if (fixed != null) {
      return Optional.of(fixed);
    }
    MediaType type = MediaType.parse(baseType);
    String subtype = type.getSubtype();
    if (subtype.endsWith("+xml")) {
      return Optional.of("XML");
    }
    if (subtype.endsWith("+zip")) {
      return Optional.of("archive");
    }
    if (subtype.contains("script") || subtype.contains("executable")) {
      return Optional.of("script or executable");
    }
    if (subtype.contains("macroenabled")) {
      return Optional.of("macro-enabled Office format");
    }
    if (subtype.startsWith("x-tika-")) {
      return Optional.of("Tika's internal container type, not a file format");
    }
    for (MediaType forbidden : NEVER_ACCEPTED_SUPERTYPES) {
      if (REGISTRY.isSpecializationOf(type, forbidden)) {
        return Optional.of("a kind of " + forbidden);
      }
    }
    return Optional.empty();
  }

  private static JsonObject readObject(Reader reader, String source) {
    // Parsson rejects duplicate keys with this switch; other providers ignore it.
    Map<String, Object> config = Map.of("org.eclipse.parsson.rejectDuplicateKeys", true);
    try (JsonReader json = Json.createReaderFactory(config).createReader(reader)) {
      JsonValue value = json.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new MediaTypePolicyException(source + ": the top level must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MediaTypePolicyException(source + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  private static DocumentType documentType(String name, String source) {
    try {
      return DocumentType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new MediaTypePolicyException(
          source
              + ": unknown document type \""
              + name
              + "\" (known: "
              + List.of(DocumentType.values())
              + ")");
    }
  }

  private static Set<String> mediaTypes(DocumentType documentType, JsonValue value, String source) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new MediaTypePolicyException(
          source + ": " + documentType + " must be a list of media types");
    }
    JsonArray list = (JsonArray) value;
    Set<String> types = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String where = source + ": " + documentType + "[" + i + "]";
      JsonValue item = list.get(i);
      if (item.getValueType() != JsonValue.ValueType.STRING) {
        throw new MediaTypePolicyException(where + " must be a string, not " + item);
      }
      String text = ((JsonString) item).getString();
      MediaType parsed = MediaType.parse(text.trim());
      if (parsed != null && parsed.hasParameters()) {
        throw new MediaTypePolicyException(
            where + " \"" + text + "\" has parameters; list the base type only");
      }
      if (parsed == null || !text.trim().matches("[A-Za-z0-9][\\w!#$&^.+-]*/[\\w!#$&^.+-]+")) {
        throw new MediaTypePolicyException(where + " \"" + text + "\" is not a media type");
      }
      String canonical =
          REGISTRY.normalize(parsed).getBaseType().toString().toLowerCase(Locale.ROOT);
      Optional<String> forbidden = neverAcceptedBecause(canonical);
      if (forbidden.isPresent()) {
        throw new MediaTypePolicyException(
            where + " \"" + text + "\" is never accepted (" + forbidden.get() + ")");
      }
      if (!types.add(canonical)) {
        throw new MediaTypePolicyException(where + " \"" + text + "\" is listed twice");
      }
    }
    return Collections.unmodifiableSet(types);
  }
}
