package org.zhusan.vault.documents.content;

/**
 * A media-type policy file that cannot be used: unreadable, not JSON, or naming an unknown document
 * type, a malformed media type or one that is never accepted. The message names the file and the
 * bad entry so an administrator can fix it; it never carries document content.
 */
public class MediaTypePolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MediaTypePolicyException(String message) {
    super(message);
  }

  public MediaTypePolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
