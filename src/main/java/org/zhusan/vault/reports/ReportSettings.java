package org.zhusan.vault.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Report settings ({@code vault.reports.*}; README, configuration table); every default here. */
@ApplicationScoped
public class ReportSettings {
  @Inject
  @ConfigProperty(name = "vault.reports.min-count", defaultValue = "5")
  int minCount;

  @Inject
  @ConfigProperty(name = "vault.reports.rounding-base", defaultValue = "1")
  int roundingBase;

  /**
   * The threshold k: a published count is 0 or at least k; smaller counts are suppressed. Below 3 a
   * count of one person would be published, so 3 is the floor.
   */
  public int minCount() {
    if (minCount < 3) {
      throw new IllegalStateException("vault.reports.min-count must be at least 3");
    }
    return minCount;
  }

  /** Published counts are rounded to this base (1: exact; 5: to the nearest multiple of 5). */
  public int roundingBase() {
    if (roundingBase < 1) {
      throw new IllegalStateException("vault.reports.rounding-base must be at least 1");
    }
    return roundingBase;
  }
}
