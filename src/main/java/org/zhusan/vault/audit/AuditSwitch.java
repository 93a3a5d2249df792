package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Auditing can be switched off only to measure its cost in the benchmark, and only together with
 * the development profile; a production configuration that tries is refused at start-up.
 */
@ApplicationScoped
public class AuditSwitch {
  @Inject
  @ConfigProperty(name = "vault.audit.benchmark-disable", defaultValue = "false")
  boolean disable;

  @Inject
  @ConfigProperty(name = "vault.profile", defaultValue = "prod")
  String profile;

  public boolean benchmarkOnlyDisabled() {
    return disable && "dev".equalsIgnoreCase(profile);
  }
}
