package org.zhusan.vault.documents.content;

import java.util.Objects;

/**
 * The answer of {@link MediaTypePolicy#check}: whether a file of the detected type may be stored as
 * a document of the given kind, and if not, why. The reason names only the detected media type and
 * the document type (never file content or client-supplied names), so the REST layer can show it as
 * the detail of its 415 answer.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param accepted whether the file is accepted
 * @param mediaType the detected media type the decision was made on
 * @param reason why it was rejected; empty text when accepted
 */
public record Verdict(boolean accepted, String mediaType, String reason) {
  public Verdict {
    Objects.requireNonNull(mediaType, "Media type is required.");
    Objects.requireNonNull(reason, "Reason is required.");
  }

  static Verdict accept(DetectedType type) {
    return new Verdict(true, type.mediaType(), "");
  }

  static Verdict reject(DetectedType type, String reason) {
    return new Verdict(false, type.mediaType(), reason);
  }

  /** Whether the file is refused. */
  public boolean rejected() {
    return !accepted;
  }
}
