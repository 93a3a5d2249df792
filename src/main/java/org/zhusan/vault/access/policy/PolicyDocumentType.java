package org.zhusan.vault.access.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The document types the policy knows, in the order the policy file and the docs list them. Kept
 * inside the policy package (rather than shared with the documents capability) so the policy core
 * depends on nothing but the access roles; the names are the same as the documents' types.
 */
public enum PolicyDocumentType {
  IDENTITY,
  COURT,
  PSYCH_EVALUATION,
  MEDICAL,
  SOCIAL,
  EDUCATION,
  THEOLOGICAL,
  CONSENT,
  CORRESPONDENCE;

  /** The type named exactly {@code name}, if there is one. */
  public static Optional<PolicyDocumentType> parse(String name) {
    for (PolicyDocumentType t : values()) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** All names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
