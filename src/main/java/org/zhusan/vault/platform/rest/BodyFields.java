package org.zhusan.vault.platform.rest;

import java.util.UUID;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Checks of the fields of a JSON request body at the edge, each refusal a 400 whose slug names the
 * field ({@code reason-required}, {@code reason-too-long}, {@code invalid-documentId}).
 */
public final class BodyFields {
  private BodyFields() {}

  /** A required text of {@code min} to {@code max} characters after trimming. */
  public static String text(String value, String name, int min, int max) {
    String v = value == null ? "" : value.strip();
    if (v.length() < min) {
      throw VaultException.badRequest(
          name + "-required",
          min > 1
              ? name + " is required (at least " + min + " characters)."
              : name + " is required.");
    }
    if (v.length() > max) {
      throw VaultException.badRequest(
          name + "-too-long", name + " must be at most " + max + " characters.");
    }
    return v;
  }

  /** An optional text (absent or blank: null) of at most {@code max} characters. */
  public static String optionalText(String value, String name, int max) {
    return value == null || value.isBlank() ? null : text(value, name, 1, max);
  }

  /** A required UUID. */
  public static UUID uuid(String value, String name) {
    try {
      return UUID.fromString(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-" + name, name + " must be a UUID.");
    }
  }
}
