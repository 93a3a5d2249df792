package org.zhusan.vault.access.policy;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller as the vault sees it: the token's subject, its roles and its centres.
 *
 * @param userId the token's {@code sub} (or {@code upn}) claim
 * @param roles the vault roles among the token's {@code groups}
 * @param centres centre codes from the token's {@code centres} claim
 */
public record StaffUser(String userId, Set<Role> roles, Set<String> centres) {
  public StaffUser {
    Objects.requireNonNull(userId, "userId is required.");
    roles = Set.copyOf(roles);
    centres = Set.copyOf(centres);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
