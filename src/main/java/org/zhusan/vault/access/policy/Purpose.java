package org.zhusan.vault.access.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fixed list of purposes of use. Every content read states one; it is recorded with the
 * decision. The policy file chooses which of them are in use and, optionally, which each role may
 * state; parse user input with {@link Policy#parsePurpose(String)}, which honours that choice.
 */
public enum Purpose {
  /** Medical or psychological care of the subject. */
  TREATMENT,
  /** Preparing or conducting a court case, hearing or legal consultation. */
  LEGAL_PROCEEDING,
  /** An evaluation of the subject's needs or progress. */
  ASSESSMENT,
  /** Checking the handling of records (quality or compliance review). */
  AUDIT,
  /** An urgent situation, typically with break-glass. */
  EMERGENCY,
  /** Social support, family and community reintegration. */
  SOCIAL_SUPPORT,
  /** Schooling, preschool, vocational training and activities. */
  EDUCATION,
  /** Pastoral and theological counselling. */
  PASTORAL;

  /** The purpose named exactly {@code name}, if there is one. */
  public static Optional<Purpose> parse(String name) {
    for (Purpose p : values()) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** All names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
