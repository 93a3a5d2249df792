package org.zhusan.vault.audit;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access log's settings ({@code vault.audit.*}; README, configuration table). Every default of
 * the capability is here and nowhere else; inject with {@code @Inject @ConfigProperties}.
 */
@ConfigProperties(prefix = "vault.audit")
@Dependent
public class AuditSettings {
  @ConfigProperty(name = "append-wait", defaultValue = "PT30S")
  Duration appendWait;

  @ConfigProperty(name = "append-batch-max", defaultValue = "256")
  int appendBatchMax;

  @ConfigProperty(name = "signing-key.location")
  Optional<String> signingKeyLocation;

  @ConfigProperty(name = "origin", defaultValue = "zhusan-vault/access-log")
  String origin;

  @ConfigProperty(name = "checkpoint.interval", defaultValue = "PT5M")
  Duration checkpointInterval;

  @ConfigProperty(name = "witnesses")
  Optional<String> witnesses;

  @ConfigProperty(name = "witness.threshold", defaultValue = "0")
  int witnessThreshold;

  @ConfigProperty(name = "witness.max-delay", defaultValue = "PT1H")
  Duration witnessMaxDelay;

  /**
   * How long a request waits for its entry to be appended (its turn at the log head, or its batch)
   * before 503.
   */
  public Duration appendWait() {
    return appendWait;
  }

  /** Most queued entries (reads, denials, failures) appended in one transaction. */
  public int appendBatchMax() {
    return appendBatchMax;
  }

  /**
   * PKCS#8 PEM of the Ed25519 key that signs checkpoints; without it no checkpoint can be signed.
   */
  public Optional<String> signingKeyLocation() {
    return signingKeyLocation;
  }

  /** The log's name inside every checkpoint. */
  public String origin() {
    return origin;
  }

  /** Period of signed checkpoints while the log grows; zero turns them off. */
  public Duration checkpointInterval() {
    return checkpointInterval;
  }

  /**
   * The witnesses each new checkpoint is pushed to: comma-separated entries {@code <url> <verifier
   * key>} (see {@link WitnessConfig#parse}); empty for none.
   */
  public Optional<String> witnesses() {
    return witnesses;
  }

  /** How many witnesses must co-sign each checkpoint (k); 0 means all configured. */
  public int witnessThreshold() {
    return witnessThreshold;
  }

  /** How long a checkpoint may wait for its k cosignatures before the alarm. */
  public Duration witnessMaxDelay() {
    return witnessMaxDelay;
  }
}
