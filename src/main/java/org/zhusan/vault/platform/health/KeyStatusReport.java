package org.zhusan.vault.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The state of the vault's key material in full — which holder is loaded and, if not, why (keystore
 * paths, missing key versions with the rows that need them, policy errors with their lines). That
 * detail is for administrators ({@code GET /api/admin/status}) and the server log only: readiness,
 * which anyone may ask, says UP or DOWN per holder and nothing else. Thread-safe.
 */
@ApplicationScoped
public class KeyStatusReport {
  private static final Logger LOG = Logger.getLogger(KeyStatusReport.class.getName());

  @Inject Config config;
  @Inject Instance<KeyStatus> keyStatuses;

  /**
   * The last problem logged per holder, so a probe every few seconds logs a change once, not each
   * time.
   */
  private final Map<String, String> logged = new ConcurrentHashMap<>();

  /**
   * One holder of key material.
   *
   * @param name e.g. {@code keystore}, {@code accessPolicy}
   * @param loaded whether its keys (or policy) are in use
   * @param problem why not, when not loaded (never key material or passwords); null when loaded
   */
  public record Holder(String name, boolean loaded, String problem) {}

  /** Whether a token verification key (or its location) is configured. */
  public boolean tokenVerificationKeyConfigured() {
    return config
            .getOptionalValue("mp.jwt.verify.publickey.location", String.class)
            .filter(s -> !s.isBlank())
            .isPresent()
        || config
            .getOptionalValue("mp.jwt.verify.publickey", String.class)
            .filter(s -> !s.isBlank())
            .isPresent();
  }

  /** Every holder, with its problem; a problem not seen before is written to the server log. */
  public List<Holder> holders() {
    List<Holder> out = new ArrayList<>();
    for (KeyStatus s : keyStatuses) {
      boolean loaded = s.loaded();
      String problem = loaded ? null : Objects.requireNonNullElse(s.problem(), "not loaded");
      out.add(new Holder(s.name(), loaded, problem));
      String before = logged.put(s.name(), problem == null ? "" : problem);
      if (problem != null && !problem.equals(before)) {
        LOG.warning("Not ready: " + s.name() + ": " + problem);
      }
    }
    return out;
  }
}
