package org.zhusan.vault.keys;

import java.util.Objects;
import java.util.UUID;

/**
 * Which key seals something: a subject's data key ({@code document} null: the subject's own fields,
 * and documents stored before per-document keys), or the key of one document of that subject,
 * derived from the subject's data key and the document's key share (see docs/crypto.md).
 */
public record KeyScope(UUID subject, UUID document) {
  public KeyScope {
    Objects.requireNonNull(subject, "subject is required.");
  }

  /** The subject's data key. */
  public static KeyScope subject(UUID subject) {
    return new KeyScope(subject, null);
  }

  /** The key of one document of the subject. */
  public static KeyScope document(UUID subject, UUID document) {
    return new KeyScope(subject, Objects.requireNonNull(document, "document is required."));
  }

  /** True if this is a per-document key. */
  public boolean perDocument() {
    return document != null;
  }
}
