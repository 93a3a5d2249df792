package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the witness alarm (a checkpoint not co-signed by k witnesses within {@code
 * vault.audit.witness.max-delay}) in readiness details, without making the vault unready: the log
 * keeps working while a witness is down. Invalid witness settings make the vault unready through
 * {@link org.zhusan.vault.platform.health.KeyStatus} instead ({@code keys} check).
 */
@Readiness
@ApplicationScoped
public class WitnessReadinessCheck implements HealthCheck {
  @Inject Witnessing witnessing;

  @Override
  public HealthCheckResponse call() {
    WitnessConfig c = witnessing.config();
    String alarm = witnessing.alarm();
    return HealthCheckResponse.named("witnesses")
        .withData("configured", c == null ? 0 : c.witnesses().size())
        .withData("threshold", c == null ? 0 : c.threshold())
        .withData("alarm", alarm == null ? "none" : alarm)
        .up()
        .build();
  }
}
