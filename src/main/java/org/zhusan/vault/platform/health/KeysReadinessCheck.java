package org.zhusan.vault.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the token verification key is configured and every {@link KeyStatus} (the vault's own
 * key material) reports its keys loaded.
 */
@Readiness
@ApplicationScoped
public class KeysReadinessCheck implements HealthCheck {
  @Inject Config config;
  @Inject Instance<KeyStatus> keyStatuses;

  @Override
  public HealthCheckResponse call() {
    boolean jwt =
        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).filter(s -> !s.isBlank()).isPresent()
            || config.getOptionalValue("mp.jwt.verify.publickey", String.class).filter(s -> !s.isBlank()).isPresent();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("keys").withData("tokenVerificationKey", jwt);
    boolean all = jwt;
    for (KeyStatus s : keyStatuses) {
      boolean loaded = s.loaded();
      b.withData(s.name(), loaded ? "loaded" : s.problem());
      all &= loaded;
    }
    return b.status(all).build();
  }
}
