package org.zhusan.vault.access.policy;

import java.time.Duration;

/**
 * The {@code grants} section of the policy file. Immutable.
 *
 * @param defaultDuration how long a grant lasts when the grantor asks for no duration; positive, at
 *     most max
 * @param maxDuration the longest grant a grantor may ask for; positive
 */
public record GrantSettings(Duration defaultDuration, Duration maxDuration) {
  public GrantSettings {
    Durations.requireLimits("grants", defaultDuration, maxDuration);
  }
}
