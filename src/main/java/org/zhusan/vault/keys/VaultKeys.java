package org.zhusan.vault.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.DataKeyWrapper;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.KeyringException;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The vault's key-encryption keys and blind-index key, loaded once from the configured PKCS#12
 * keystore. Without a keystore the vault still starts (so an operator can see why) but reports not
 * ready and refuses every operation that needs a key with 503.
 */
@ApplicationScoped
public class VaultKeys implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(VaultKeys.class.getName());

  @Inject
  @ConfigProperty(name = "vault.keys.keystore.location")
  Optional<String> location;

  @Inject
  @ConfigProperty(name = "vault.keys.keystore.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "vault.keys.blind-index.bytes", defaultValue = "16")
  int blindIndexBytes;

  private volatile Keyring keyring;
  private volatile String problem = "not loaded";

  /** Loads at start-up so a missing or wrong keystore shows in the log straight away. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loaded();
  }

  @PostConstruct
  public void load() {
    if (location.filter(s -> !s.isBlank()).isEmpty()) {
      problem = "vault.keys.keystore.location is not set";
      LOG.severe("No keystore configured (vault.keys.keystore.location); the vault cannot encrypt or decrypt.");
      return;
    }
    try {
      Path path = Path.of(location.get().replaceFirst("^file://", ""));
      keyring = Keyring.load(path, password.orElse("").toCharArray());
      problem = null;
      LOG.info("Keystore loaded: KEK versions " + keyring.kekVersions() + ", primary v" + keyring.primaryKekVersion());
    } catch (KeyringException | RuntimeException e) {
      problem = "keystore could not be loaded: " + e.getMessage();
      LOG.severe(problem);
    }
  }

  /** The keyring, or 503 when no keystore could be loaded. */
  public Keyring keyring() {
    Keyring k = keyring;
    if (k == null) {
      throw VaultException.unavailable("keys-unavailable", "The vault's keys are not loaded; see /health/ready.");
    }
    return k;
  }

  public DataKeyWrapper subjectKeyWrapper() {
    return DataKeyWrapper.forSubjects(keyring());
  }

  /** A blind index for one purpose (e.g. {@code subject.iin}). */
  public BlindIndex blindIndex(String purpose) {
    return BlindIndex.create(keyring(), purpose, blindIndexBytes);
  }

  @Override
  public String name() {
    return "keystore";
  }

  @Override
  public boolean loaded() {
    return keyring != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}
