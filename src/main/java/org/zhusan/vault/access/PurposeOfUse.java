package org.zhusan.vault.access;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.zhusan.vault.platform.problem.VaultException;

/** Why content is being read; every content read states one, and it is recorded with the decision. */
public enum PurposeOfUse {
  TREATMENT,
  LEGAL_PROCEEDING,
  ASSESSMENT,
  AUDIT,
  EMERGENCY,
  SOCIAL_SUPPORT,
  EDUCATION,
  PASTORAL;

  /** Parses a stated purpose, or answers 400 naming the accepted ones. */
  public static PurposeOfUse parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw VaultException.badRequest("purpose-required",
          "A purpose of use is required (parameter 'purpose' or header 'X-Purpose-Of-Use'): one of " + list() + ".");
    }
    try {
      return valueOf(raw.strip());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-purpose", "purpose must be one of " + list() + ".");
    }
  }

  private static String list() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
