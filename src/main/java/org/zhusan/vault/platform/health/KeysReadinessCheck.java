package org.zhusan.vault.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the token verification key is configured and every {@link KeyStatus} (the vault's own
 * key material) reports its keys loaded. Anyone may ask, so each holder is reported only as {@code
 * loaded} or {@code not loaded}: why not (a keystore path, the key versions missing and how many
 * rows need them, a policy error and its line) goes to the server log and {@code GET
 * /api/admin/status}.
 */
@Readiness
@ApplicationScoped
public class KeysReadinessCheck implements HealthCheck {
  @Inject KeyStatusReport report;

  @Override
  public HealthCheckResponse call() {
    boolean jwt = report.tokenVerificationKeyConfigured();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("keys").withData("tokenVerificationKey", jwt);
    boolean all = jwt;
    for (KeyStatusReport.Holder h : report.holders()) {
      b.withData(h.name(), h.loaded() ? "loaded" : "not loaded");
      all &= h.loaded();
    }
    return b.status(all).build();
  }
}
