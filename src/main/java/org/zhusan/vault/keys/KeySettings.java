package org.zhusan.vault.keys;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Key management settings ({@code vault.keys.*}; README, configuration table), blind-index
 * rotation's included. Every default of the capability is here and nowhere else.
 */
@ConfigProperties(prefix = "vault.keys")
@Dependent
public class KeySettings {
  @ConfigProperty(name = "keystore.location")
  Optional<String> keystoreLocation;

  @ConfigProperty(name = "keystore.password")
  Optional<String> keystorePassword;

  @ConfigProperty(name = "document-keys.location")
  Optional<String> documentKeysLocation;

  @ConfigProperty(name = "blind-index.bytes", defaultValue = "16")
  int blindIndexBytes;

  @ConfigProperty(name = "cache.ttl", defaultValue = "PT60S")
  Duration cacheTtl;

  @ConfigProperty(name = "cache.max-entries", defaultValue = "10000")
  int cacheMaxEntries;

  /** Well below NIST SP 800-38D's 2^32 random-nonce limit for one key. */
  @ConfigProperty(name = "max-encryptions-per-key", defaultValue = "4000000000")
  long maxEncryptionsPerKey;

  @ConfigProperty(name = "rotation.batch-size", defaultValue = "200")
  int rotationBatchSize;

  @ConfigProperty(name = "blind-index.rotation.batch-size", defaultValue = "200")
  int blindIndexRotationBatchSize;

  /** The PKCS#12 keystore of KEKs and blind-index keys. */
  public Optional<String> keystoreLocation() {
    return keystoreLocation;
  }

  /**
   * The directory of document key shares (docs/crypto.md); absent: {@code document-keys} beside the
   * keystore.
   */
  public Optional<java.nio.file.Path> documentKeysLocation() {
    return documentKeysLocation
        .filter(s -> !s.isBlank())
        .map(java.nio.file.Path::of)
        .or(
            () ->
                keystoreLocation
                    .filter(s -> !s.isBlank())
                    .map(s -> java.nio.file.Path.of(s.replaceFirst("^file://", "")))
                    .map(p -> p.toAbsolutePath().resolveSibling("document-keys")));
  }

  public Optional<String> keystorePassword() {
    return keystorePassword;
  }

  /** Length of blind-index values. */
  public int blindIndexBytes() {
    return blindIndexBytes;
  }

  /** How long an unwrapped data key stays in memory. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  public int cacheMaxEntries() {
    return cacheMaxEntries;
  }

  public long maxEncryptionsPerKey() {
    return maxEncryptionsPerKey;
  }

  /** Data keys rewrapped per transaction during a KEK rotation. */
  public int rotationBatchSize() {
    return rotationBatchSize;
  }

  /** Subjects re-keyed per transaction during a blind-index rotation. */
  public int blindIndexRotationBatchSize() {
    return blindIndexRotationBatchSize;
  }
}
