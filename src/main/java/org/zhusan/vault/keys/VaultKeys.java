package org.zhusan.vault.keys;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.DataKeyWrapper;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.KeyringException;
import org.zhusan.vault.platform.db.SchemaMigrator;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The vault's key-encryption keys and blind-index key, loaded once from the configured PKCS#12
 * keystore. Without a keystore the vault still starts (so an operator can see why) but reports not
 * ready and refuses every operation that needs a key with 503. The same happens when the keystore
 * lacks a KEK or blind-index key version that live rows still depend on (a key removed too early
 * after a rotation): records would fail to decrypt, and lookups and searches would silently miss
 * rows, otherwise.
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

  @Inject BlindIndexUsage blindIndexUsage;
  @Inject KekVersions kekVersions;
  @Inject SchemaMigrator migrator;

  private volatile Keyring keyring;
  private volatile String problem = "not loaded";

  /**
   * Loads at start-up so a missing or wrong keystore shows in the log straight away. Ordered after
   * the schema migration (default observer priority), because loading checks the keystore against
   * the blind-index key versions the data depends on.
   */
  void onStart(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 1000)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    load();
  }

  /**
   * (Re-)reads the keystore. A keystore that cannot be read, or that lacks a KEK or blind-index key
   * version live rows still depend on, is refused: at start-up the vault then has no keys (not
   * ready, 503), on a reload the keys already loaded stay in use. Returns whether the keystore was
   * taken; {@link #problem()} says why not.
   */
  public synchronized boolean load() {
    if (location.filter(s -> !s.isBlank()).isEmpty()) {
      problem = "vault.keys.keystore.location is not set";
      LOG.severe(
          "No keystore configured (vault.keys.keystore.location); the vault cannot encrypt or"
              + " decrypt.");
      return false;
    }
    Keyring candidate;
    try {
      Path path = Path.of(location.get().replaceFirst("^file://", ""));
      candidate = Keyring.load(path, password.orElse("").toCharArray());
    } catch (KeyringException | RuntimeException e) {
      problem = "keystore could not be loaded: " + e.getMessage();
      LOG.severe(problem);
      return false;
    }
    String missing = missingKeyVersions(candidate);
    if (missing != null) {
      problem = "keystore refused: " + missing;
      LOG.severe(problem);
      return false;
    }
    keyring = candidate;
    problem = null;
    LOG.info(
        "Keystore loaded: KEK versions "
            + candidate.kekVersions()
            + ", primary v"
            + candidate.primaryKekVersion()
            + "; blind-index key versions "
            + candidate.blindIndexVersions()
            + ", primary v"
            + candidate.primaryBlindIndexVersion());
    return true;
  }

  /** Null if the database needs no KEK or blind-index version the keyring lacks, else why. */
  private String missingKeyVersions(Keyring candidate) {
    if (!migrator.migrated()) {
      return "the database schema is not migrated, so the key versions its rows depend on could not"
          + " be checked";
    }
    try {
      String keks = kekVersions.missingFrom(candidate.kekVersions());
      String blindIndexes = blindIndexUsage.missingFrom(candidate.blindIndexVersions());
      return keks == null ? blindIndexes : blindIndexes == null ? keks : keks + "; " + blindIndexes;
    } catch (RuntimeException e) {
      return "the key versions the data depends on could not be read ("
          + e.getClass().getSimpleName()
          + ")";
    }
  }

  /** The keyring, or 503 when no keystore could be loaded. */
  public Keyring keyring() {
    Keyring k = keyring;
    if (k == null) {
      throw VaultException.unavailable(
          "keys-unavailable",
          "The vault's keys are not loaded; an administrator sees why in the server log and GET"
              + " /api/admin/status.");
    }
    return k;
  }

  public DataKeyWrapper subjectKeyWrapper() {
    return DataKeyWrapper.forSubjects(keyring());
  }

  /** A blind index for one purpose (e.g. {@code subject.iin}) under the primary blind-index key. */
  public BlindIndex blindIndex(String purpose) {
    return BlindIndex.create(keyring(), purpose, blindIndexBytes);
  }

  /**
   * A blind index for one purpose under blind-index key {@code version} of {@code keyring} (take
   * the keyring once per operation, so that a reload in between cannot mix versions).
   */
  public BlindIndex blindIndex(Keyring keyring, int version, String purpose) {
    return BlindIndex.create(keyring, version, purpose, blindIndexBytes);
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
