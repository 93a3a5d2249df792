package org.zhusan.vault.outcomes;

import java.util.Map;
import java.util.Set;
import org.zhusan.vault.access.policy.Role;

/**
 * The validated {@code config/outcomes.yaml}: who records and reads each kind of indicator, who
 * sees reports, and which of those see the whole programme rather than their own centres.
 */
public record OutcomesFile(
    Map<IndicatorKind, KindRoles> indicators, Set<Role> reportRoles, Set<Role> allCentres) {
  public OutcomesFile {
    indicators = Map.copyOf(indicators);
    reportRoles = Set.copyOf(reportRoles);
    allCentres = Set.copyOf(allCentres);
  }

  /** The roles of one kind; every recorder also reads. */
  public record KindRoles(Set<Role> record, Set<Role> read) {
    public KindRoles {
      record = Set.copyOf(record);
      read = Set.copyOf(read);
    }
  }

  public KindRoles roles(IndicatorKind kind) {
    return indicators.get(kind);
  }
}
