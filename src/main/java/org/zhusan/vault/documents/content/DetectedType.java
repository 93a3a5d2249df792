package org.zhusan.vault.documents.content;

import java.util.Locale;
import java.util.Objects;
import org.apache.tika.mime.MediaType;

/**
 * The media type of a file as found from its bytes by {@link ContentDetector}, never from a
 * client's file name or {@code Content-Type}. Always a base type in lower case ({@code text/plain},
 * never {@code text/plain; charset=UTF-8}).
 *
 * <p>An empty file has no type: it is represented by {@link #empty()}, whose {@code mediaType} is
 * {@code application/x-empty} and whose {@link #isEmpty()} is true, so that {@link
 * MediaTypePolicy#check} can reject it with the reason "empty".
 *
 * <p>Immutable value; thread-safe.
 *
 * @param mediaType the detected base media type, e.g. {@code application/pdf}
 */
public record DetectedType(String mediaType) {
  /** The pseudo media type of a file with no bytes. */
  public static final String EMPTY = "application/x-empty";

  /** What detection answers when it cannot tell: accepted by no document type. */
  public static final String UNKNOWN = "application/octet-stream";

  private static final DetectedType EMPTY_TYPE = new DetectedType(EMPTY);

  /**
   * @throws IllegalArgumentException if {@code mediaType} is not a syntactically valid media type
   */
  public DetectedType {
    Objects.requireNonNull(mediaType, "Media type is required.");
    mediaType = baseTypeOf(mediaType);
  }

  /** The type of a zero-byte file. */
  public static DetectedType empty() {
    return EMPTY_TYPE;
  }

  /** Whether the file had no bytes at all. */
  public boolean isEmpty() {
    return EMPTY.equals(mediaType);
  }

  /**
   * The lower-case base type of {@code mediaType}, its parameters dropped.
   *
   * @throws IllegalArgumentException if it is not a media type
   */
  static String baseTypeOf(String mediaType) {
    MediaType parsed = MediaType.parse(mediaType.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("Not a media type: \"" + mediaType + "\"");
    }
    return parsed.getBaseType().toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return mediaType;
  }
}
