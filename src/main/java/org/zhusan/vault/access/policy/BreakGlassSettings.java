package org.zhusan.vault.access.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import org.zhusan.vault.access.Role;

/**
 * The {@code break-glass} section of the policy file. Immutable.
 *
 * @param roles roles that may break the glass (never AUDITOR or ADMIN)
 * @param minJustificationLength minimum characters of the justification, after trimming; at least 1
 * @param defaultDuration how long access lasts when the user asks for no duration; positive, at
 *     most max
 * @param maxDuration the longest access a user may ask for; positive
 */
public record BreakGlassSettings(
    Set<Role> roles, int minJustificationLength, Duration defaultDuration, Duration maxDuration) {
  public BreakGlassSettings {
    roles = Collections.unmodifiableSet(EnumSets.copyOf(Role.class, roles));
    for (Role r : roles) {
      if (Policy.METADATA_ONLY_ROLES.contains(r)) {
        throw new IllegalArgumentException(
            "separation of duties: " + r + " may never use break-glass.");
      }
    }
    if (minJustificationLength < 1) {
      throw new IllegalArgumentException("minJustificationLength must be at least 1.");
    }
    Durations.requireLimits("break-glass", defaultDuration, maxDuration);
  }
}
