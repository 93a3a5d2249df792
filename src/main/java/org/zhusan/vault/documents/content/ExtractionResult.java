package org.zhusan.vault.documents.content;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ContainedExtractor#extract} found. The text itself went to the caller's sink while it
 * was extracted; this record says whether it may be used.
 *
 * <p><b>Contract:</b> text is delivered to the sink as it is extracted, before the outcome is
 * known. When the status is {@link Status#NOT_INDEXED}, the caller must discard whatever the sink
 * received (for example by writing index entries in the same transaction as the result).
 *
 * <p>{@code reason} is one of the fixed {@link Reason} descriptions (empty when extracted); it
 * never contains document text, file names or parser messages, so it can be shown and logged.
 * {@code metadata} comes from the document (author, title, dates …) and is as sensitive as its
 * text: encrypt it. {@code language} is the language the document declares (e.g. {@code
 * dc:language}), if any; it is not guessed from the text.
 *
 * <p>Immutable value; thread-safe.
 */
public record ExtractionResult(
    Status status,
    String reason,
    Map<String, String> metadata,
    long charactersExtracted,
    Optional<String> language) {

  /** Whether the text may be indexed. */
  public enum Status {
    /** Text (possibly none, e.g. a blank page) and metadata were extracted within every limit. */
    EXTRACTED,
    /** The document is stored but not indexed; {@code reason} says why. */
    NOT_INDEXED
  }

  /** Why a document was not indexed. Descriptions are stable: callers may store them. */
  public enum Reason {
    EMPTY(1, "empty document"),
    ENCRYPTED(2, "encrypted or password-protected document"),
    PARSE_ERROR(3, "document could not be parsed"),
    TEXT_LIMIT(4, "text limit exceeded"),
    ZIP_BOMB(5, "suspected zip bomb (compression ratio limit exceeded)"),
    NESTING_LIMIT(6, "document structure nested too deeply"),
    INPUT_LIMIT(7, "input size limit exceeded"),
    TYPE_MISMATCH(8, "full content is not of the accepted type"),
    OCR_UNAVAILABLE(9, "OCR not available"),
    TRUNCATED(10, "document is truncated"),
    TIMEOUT(20, "extraction timed out"),
    OUT_OF_MEMORY(21, "extractor ran out of memory"),
    CRASHED(22, "extractor crashed"),
    PROTOCOL_ERROR(23, "extractor sent malformed output"),
    START_FAILED(24, "extractor could not start"),
    BUSY(25, "extractor busy"),
    INTERRUPTED(26, "extraction interrupted"),
    UNREADABLE(27, "stored content could not be read"),
    ATTEMPTS_EXHAUSTED(28, "extraction failed on every attempt"),
    SHREDDED(29, "record crypto-shredded before extraction");

    final int code;
    private final String description;

    Reason(int code, String description) {
      this.code = code;
      this.description = description;
    }

    /** The text shown as {@link ExtractionResult#reason()}. */
    public String description() {
      return description;
    }

    static Optional<Reason> ofCode(int code) {
      return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    static Optional<Reason> ofDescription(String description) {
      return Arrays.stream(values()).filter(r -> r.description.equals(description)).findFirst();
    }
  }

  public ExtractionResult {
    Objects.requireNonNull(status, "Status is required.");
    Objects.requireNonNull(reason, "Reason is required.");
    Objects.requireNonNull(language, "Language is required (may be empty).");
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    if (status == Status.NOT_INDEXED && reason.isEmpty()) {
      throw new IllegalArgumentException("A document that is not indexed needs a reason.");
    }
  }

  static ExtractionResult extracted(
      Map<String, String> metadata, long characters, Optional<String> language) {
    return new ExtractionResult(Status.EXTRACTED, "", metadata, characters, language);
  }

  public static ExtractionResult notIndexed(
      Reason reason, Map<String, String> metadata, long characters) {
    return new ExtractionResult(
        Status.NOT_INDEXED, reason.description(), metadata, characters, Optional.empty());
  }

  /** Whether the text may be indexed. */
  public boolean extracted() {
    return status == Status.EXTRACTED;
  }

  /** The reason as an enum constant, when not indexed. */
  public Optional<Reason> reasonCode() {
    return Reason.ofDescription(reason);
  }
}
