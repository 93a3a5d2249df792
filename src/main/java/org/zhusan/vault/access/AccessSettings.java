package org.zhusan.vault.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access capability's settings (README, configuration table), every default here: the access
 * policy file ({@code vault.access.policy}) and the vault's own token rules ({@code
 * vault.tokens.clock-skew}, {@code vault.tokens.max-lifetime}). An invalid token-rule value fails
 * authenticated requests (closed) rather than silently loosening the rules.
 */
@ApplicationScoped
public class AccessSettings {
  @Inject
  @ConfigProperty(name = "vault.tokens.clock-skew", defaultValue = "PT60S")
  Duration clockSkew;

  @Inject
  @ConfigProperty(name = "vault.tokens.max-lifetime", defaultValue = "PT1H")
  Duration maxLifetime;

  @Inject
  @ConfigProperty(name = "vault.access.policy")
  Optional<String> policyLocation;

  private TokenRules rules;

  /** Built once; an invalid value makes this bean, and so every authenticated request, fail. */
  @PostConstruct
  void init() {
    rules = new TokenRules(clockSkew, maxLifetime);
  }

  public TokenRules rules() {
    return rules;
  }

  /**
   * The policy file to load, or empty for the built-in copy of {@code config/access-policy.yaml}.
   */
  public Optional<String> policyLocation() {
    return policyLocation.filter(s -> !s.isBlank());
  }
}
