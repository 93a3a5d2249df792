package org.zhusan.vault.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Benchmarks only: an access log that writes nothing, so {@code AuditOverheadBenchmark} can measure
 * what auditing costs. It lives in the test sources on purpose: the production WAR has no way to
 * switch auditing off; the harness adds this class to a copy of the WAR ({@link
 * org.zhusan.vault.bench.BenchmarkWars#withoutAuditing}), where it replaces {@link AccessLog} as a
 * CDI alternative.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class NoAuditAccessLog extends AccessLog {
  @Override
  public long append(AccessEvent event) {
    return -1;
  }

  @Override
  public void appendBeforeCommit(AccessEvent event) {}

  @Override
  public long appendAlone(AccessEvent event) {
    return -1;
  }
}
