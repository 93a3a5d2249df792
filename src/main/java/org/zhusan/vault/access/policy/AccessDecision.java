package org.zhusan.vault.access.policy;

import java.util.Objects;

/**
 * The answer of the policy decision point for one attempt.
 *
 * @param allowed whether the action may proceed
 * @param rule the rule that decided (e.g. {@code role-doc-type:LAWYER:COURT:read})
 * @param reason why, in words a caller may see
 * @param hideExistence when denied: answer 404 rather than 403, because the caller may not even
 *     learn that the target exists (e.g. a subject outside their centres)
 */
public record AccessDecision(boolean allowed, String rule, String reason, boolean hideExistence) {
  public AccessDecision {
    Objects.requireNonNull(rule, "rule is required.");
    Objects.requireNonNull(reason, "reason is required.");
  }

  public static AccessDecision allow(String rule, String reason) {
    return new AccessDecision(true, rule, reason, false);
  }

  public static AccessDecision deny(String rule, String reason) {
    return new AccessDecision(false, rule, reason, false);
  }

  public static AccessDecision denyHidden(String rule, String reason) {
    return new AccessDecision(false, rule, reason, true);
  }
}
