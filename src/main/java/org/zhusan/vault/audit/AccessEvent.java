package org.zhusan.vault.audit;

import java.util.Objects;

/**
 * What a capability tells the access log about one access decision; {@link AccessLog} adds the
 * sequence, time, hash chain, client address and request id. Targets are named by id only.
 *
 * @param userId the caller
 * @param role the role the decision was made for (roles joined with {@code +} where none decided)
 * @param centre the centre of the target, if any
 * @param action what was attempted
 * @param target what it was attempted on
 * @param purpose purpose of use (nullable)
 * @param justification break-glass justification (nullable)
 * @param outcome allowed, denied or failed
 * @param rule the policy rule that decided (nullable)
 * @param reason why, in words (nullable; never sensitive plaintext)
 * @param breakGlass whether this access used break-glass
 */
public record AccessEvent(
    String userId,
    String role,
    String centre,
    LoggedAction action,
    Target target,
    String purpose,
    String justification,
    Outcome outcome,
    String rule,
    String reason,
    boolean breakGlass) {

  public AccessEvent {
    Objects.requireNonNull(userId, "userId is required.");
    Objects.requireNonNull(role, "role is required.");
    Objects.requireNonNull(action, "action is required.");
    Objects.requireNonNull(target, "target is required.");
    Objects.requireNonNull(outcome, "outcome is required.");
  }

  /** The entry a background job writes when it ends: done ({@code ALLOWED}) or {@code FAILED}. */
  public static AccessEvent jobEnded(
      String userId,
      String role,
      LoggedAction action,
      Target target,
      Outcome outcome,
      String rule,
      String reason) {
    return new AccessEvent(
        userId, role, null, action, target, null, null, outcome, rule, reason, false);
  }

  public AccessEvent withOutcome(Outcome o, String r, String why) {
    return new AccessEvent(
        userId, role, centre, action, target, purpose, justification, o, r, why, breakGlass);
  }
}
