package org.zhusan.vault.audit;

import java.util.Objects;

/**
 * What a capability tells the access log about one access decision; {@link AccessLog} adds the
 * sequence, time, hash chain, client address and request id. Targets are named by id only.
 *
 * @param userId the caller
 * @param role the role the decision was made for
 * @param centre the centre of the target, if any
 * @param action what was attempted, e.g. {@code SUBJECT_READ}
 * @param targetType SUBJECT, DOCUMENT, VERSION, QUERY, LOG, KEY, GRANT … (nullable)
 * @param targetId an id, never content (nullable)
 * @param purpose purpose of use (nullable)
 * @param justification break-glass justification (nullable)
 * @param outcome ALLOWED, DENIED or FAILED
 * @param rule the policy rule that decided (nullable)
 * @param reason why, in words (nullable; never sensitive plaintext)
 * @param breakGlass whether this access used break-glass
 */
public record AccessEvent(
    String userId,
    String role,
    String centre,
    String action,
    String targetType,
    String targetId,
    String purpose,
    String justification,
    String outcome,
    String rule,
    String reason,
    boolean breakGlass) {

  public AccessEvent {
    Objects.requireNonNull(userId, "userId is required.");
    Objects.requireNonNull(role, "role is required.");
    Objects.requireNonNull(action, "action is required.");
    Objects.requireNonNull(outcome, "outcome is required.");
  }

  public static AccessEvent allowed(
      String userId, String role, String action, String targetType, String targetId) {
    return new AccessEvent(
        userId, role, null, action, targetType, targetId, null, null, "ALLOWED", null, null, false);
  }

  public AccessEvent withCentre(String c) {
    return new AccessEvent(
        userId,
        role,
        c,
        action,
        targetType,
        targetId,
        purpose,
        justification,
        outcome,
        rule,
        reason,
        breakGlass);
  }

  public AccessEvent withPurpose(String p) {
    return new AccessEvent(
        userId,
        role,
        centre,
        action,
        targetType,
        targetId,
        p,
        justification,
        outcome,
        rule,
        reason,
        breakGlass);
  }

  public AccessEvent withTarget(String type, String id) {
    return new AccessEvent(
        userId,
        role,
        centre,
        action,
        type,
        id,
        purpose,
        justification,
        outcome,
        rule,
        reason,
        breakGlass);
  }

  public AccessEvent withOutcome(String o, String r, String why) {
    return new AccessEvent(
        userId,
        role,
        centre,
        action,
        targetType,
        targetId,
        purpose,
        justification,
        o,
        r,
        why,
        breakGlass);
  }

  public AccessEvent withBreakGlass(String why) {
    return new AccessEvent(
        userId,
        role,
        centre,
        action,
        targetType,
        targetId,
        purpose,
        why,
        outcome,
        rule,
        reason,
        true);
  }
}
