package org.zhusan.vault.disclosure;

import java.util.UUID;
import org.zhusan.vault.platform.problem.VaultException;

/** Checks of free-text and id fields at the edge, each refusal a 400 naming the field. */
final class Texts {
  private Texts() {}

  static String required(String value, String name, int min, int max) {
    String v = value == null ? "" : value.strip();
    if (v.length() < min) {
      throw VaultException.badRequest(
          name + "-required", name + " is required (at least " + min + " characters).");
    }
    if (v.length() > max) {
      throw VaultException.badRequest(
          name + "-too-long", name + " must be at most " + max + " characters.");
    }
    return v;
  }

  static String optional(String value, String name, int max) {
    return value == null || value.isBlank() ? null : required(value, name, 1, max);
  }

  static UUID uuid(String value, String name) {
    try {
      return UUID.fromString(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-" + name, name + " must be a UUID.");
    }
  }
}
