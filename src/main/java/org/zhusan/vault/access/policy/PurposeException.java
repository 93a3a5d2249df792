package org.zhusan.vault.access.policy;

/**
 * A request's purpose of use is missing or not one of the purposes in use. The REST layer answers
 * 400 with the message (which lists the accepted purposes and never echoes more than the raw
 * value's first 40 characters).
 */
public final class PurposeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean missing;

  PurposeException(String message, boolean missing) {
    super(message);
    this.missing = missing;
  }

  /** True when no purpose was given at all, false when one was given but is not accepted. */
  public boolean missing() {
    return missing;
  }
}
