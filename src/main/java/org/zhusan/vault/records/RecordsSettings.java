package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records governance settings ({@code vault.records.*}; README, configuration table). Every default
 * of the capability is here.
 */
@ApplicationScoped
public class RecordsSettings {
  @Inject
  @ConfigProperty(name = "vault.records.schedule")
  Optional<String> scheduleLocation;

  @Inject
  @ConfigProperty(name = "vault.records.scan-interval", defaultValue = "PT24H")
  Duration scanInterval;

  /** The retention file; absent: the built-in copy of config/retention.yaml. */
  public Optional<String> scheduleLocation() {
    return scheduleLocation.filter(s -> !s.isBlank());
  }

  /** How often the disposition scan runs by itself; zero: only when an administrator runs it. */
  public Duration scanInterval() {
    return scanInterval;
  }
}
