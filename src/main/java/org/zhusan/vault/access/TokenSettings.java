package org.zhusan.vault.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token settings read through MicroProfile Config (README, configuration table): {@code
 * vault.tokens.clock-skew} ({@code VAULT_TOKENS_CLOCK_SKEW}, default {@code PT60S}) and {@code
 * vault.tokens.max-lifetime} ({@code VAULT_TOKENS_MAX_LIFETIME}, default {@code PT1H}). An invalid
 * value fails authenticated requests (closed) rather than silently loosening the rules.
 */
@ApplicationScoped
public class TokenSettings {
  @Inject
  @ConfigProperty(name = "vault.tokens.clock-skew", defaultValue = "PT60S")
  Duration clockSkew;

  @Inject
  @ConfigProperty(name = "vault.tokens.max-lifetime", defaultValue = "PT1H")
  Duration maxLifetime;

  private TokenRules rules;

  /** Built once; an invalid value makes this bean, and so every authenticated request, fail. */
  @PostConstruct
  void init() {
    rules = new TokenRules(clockSkew, maxLifetime);
  }

  public TokenRules rules() {
    return rules;
  }
}
