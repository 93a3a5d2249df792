package org.zhusan.vault.access.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zhusan.vault.access.AccessDecision;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;

/**
 * A decision of the {@link Policy}: the {@link AccessDecision} to enforce and log, the role that
 * allowed it (for users holding several roles) and, for time-limited permissions (break-glass, new
 * grants), when the permission ends.
 *
 * @param decision allowed or denied, the rule, the reason and whether to hide the target's
 *     existence
 * @param roleUsed the role whose permission decided an allowed decision; empty when denied, or when
 *     no role decided (a grant)
 * @param expiresAt for an allowed break-glass or new grant: the end of the permission; otherwise
 *     empty
 */
public record PolicyDecision(
    AccessDecision decision, Optional<Role> roleUsed, Optional<Instant> expiresAt) {
  public PolicyDecision {
    Objects.requireNonNull(decision, "decision is required.");
    Objects.requireNonNull(roleUsed, "roleUsed is required (use Optional.empty()).");
    Objects.requireNonNull(expiresAt, "expiresAt is required (use Optional.empty()).");
  }

  public static PolicyDecision allow(String rule, String reason, Role roleUsed) {
    return new PolicyDecision(
        AccessDecision.allow(rule, reason), Optional.ofNullable(roleUsed), Optional.empty());
  }

  public static PolicyDecision allowUntil(
      String rule, String reason, Role roleUsed, Instant expiresAt) {
    return new PolicyDecision(
        AccessDecision.allow(rule, reason), Optional.ofNullable(roleUsed), Optional.of(expiresAt));
  }

  public static PolicyDecision deny(String rule, String reason) {
    return new PolicyDecision(
        AccessDecision.deny(rule, reason), Optional.empty(), Optional.empty());
  }

  public static PolicyDecision denyHidden(String rule, String reason) {
    return new PolicyDecision(
        AccessDecision.denyHidden(rule, reason), Optional.empty(), Optional.empty());
  }

  public boolean allowed() {
    return decision.allowed();
  }

  public String rule() {
    return decision.rule();
  }

  public String reason() {
    return decision.reason();
  }

  public boolean hideExistence() {
    return decision.hideExistence();
  }

  /**
   * The role to write in the access log: the role used, else all of the user's roles joined with
   * {@code +} in declaration order (e.g. {@code LAWYER+TEACHER}), else {@code NONE}.
   */
  public String roleForLog(StaffUser user) {
    return roleUsed.map(Role::name).orElseGet(() -> Policy.joinRoles(user));
  }

  @Override
  public String toString() {
    return (allowed() ? "ALLOWED " : hideExistence() ? "DENIED(hidden) " : "DENIED ")
        + rule()
        + roleUsed.map(r -> " as " + r).orElse("")
        + expiresAt.map(e -> " until " + e).orElse("")
        + ": "
        + reason();
  }

  static String join(java.util.Collection<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining("+"));
  }
}
