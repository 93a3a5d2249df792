package org.zhusan.vault.platform.rest;

import org.zhusan.vault.platform.problem.VaultException;

/**
 * Offset/limit of a listing, checked at the edge.
 *
 * <p>Checked by hand rather than with {@code @Min}/{@code @Max} on the query parameters: Payara
 * 6.2025.10's OpenAPI generator fails (NPE, payara/Payara#7649) on Bean Validation annotations on
 * parameters that are not path parameters, which would take {@code /openapi} down.
 */
public record PageRequest(int offset, int limit) {
  /** Parses the raw query parameters (absent means the default) or answers 400. */
  public static PageRequest of(String offset, String limit) {
    int o = parse("offset", offset, 0);
    int l = parse("limit", limit, Page.DEFAULT_LIMIT);
    if (o < 0) {
      throw VaultException.badRequest("invalid-page", "offset must be 0 or more.");
    }
    if (l < 1 || l > Page.MAX_LIMIT) {
      throw VaultException.badRequest(
          "invalid-page", "limit must be between 1 and " + Page.MAX_LIMIT + ".");
    }
    return new PageRequest(o, l);
  }

  private static int parse(String name, String raw, int absent) {
    if (raw == null || raw.isBlank()) {
      return absent;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw VaultException.badRequest("invalid-page", name + " must be a whole number.");
    }
  }
}
