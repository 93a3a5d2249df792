package org.zhusan.vault.access.policy;

import java.util.Optional;

/** Staff roles, as carried in the token's {@code groups} claim. */
public enum Role {
  LAWYER,
  PSYCHOLOGIST,
  PSYCHIATRIST,
  DOCTOR,
  SOCIAL_WORKER,
  TEACHER,
  THEOLOGIAN,
  NGO_PARTNER,
  AUDITOR,
  ADMIN,
  /** The ministry's analyst: programme figures only, never a person, a document or the log. */
  ANALYST;

  /**
   * Roles joined with {@code +} in declaration order (e.g. {@code LAWYER+TEACHER}), or {@code
   * NONE}: the one spelling of "several roles" in rules and in the access log.
   */
  public static String joined(java.util.Collection<Role> roles) {
    return roles.isEmpty()
        ? "NONE"
        : String.join("+", roles.stream().sorted().map(Role::name).toList());
  }

  /** The role named {@code name}, if it is one of ours; unknown groups in a token are ignored. */
  public static Optional<Role> parse(String name) {
    for (Role r : values()) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
