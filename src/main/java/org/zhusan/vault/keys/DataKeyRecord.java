package org.zhusan.vault.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.crypto.WrappedKey;

/**
 * A subject's data key as stored: wrapped by one KEK version, with its use count. Once shredded the
 * wrapped bytes are gone for good and only the fact, time, actor and reason remain.
 */
@Entity
@Table(name = "data_key")
public class DataKeyRecord {
  @Id
  @Column(name = "owner_id")
  private UUID ownerId;

  @Column(name = "kek_version", nullable = false)
  private int kekVersion;

  @Column(name = "wrapped")
  private byte[] wrapped;

  @Column(name = "encryptions", nullable = false)
  private long encryptions;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "rewrapped_at")
  private Instant rewrappedAt;

  @Column(name = "shredded_at")
  private Instant shreddedAt;

  @Column(name = "shredded_by")
  private String shreddedBy;

  @Column(name = "shred_reason")
  private String shredReason;

  protected DataKeyRecord() {}

  DataKeyRecord(UUID ownerId, WrappedKey wrappedKey, Instant now) {
    this.ownerId = Objects.requireNonNull(ownerId, "ownerId is required.");
    this.kekVersion = wrappedKey.kekVersion();
    this.wrapped = wrappedKey.ciphertext();
    this.createdAt = now;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public boolean shredded() {
    return wrapped == null;
  }

  /** The wrapped key, empty once shredded. */
  Optional<WrappedKey> wrappedKey() {
    return wrapped == null ? Optional.empty() : Optional.of(new WrappedKey(kekVersion, wrapped));
  }

  int kekVersion() {
    return kekVersion;
  }

  long encryptions() {
    return encryptions;
  }

  void rewrap(WrappedKey rewrapped, Instant now) {
    if (shredded()) {
      throw new IllegalStateException("a shredded key cannot be rewrapped");
    }
    this.kekVersion = rewrapped.kekVersion();
    this.wrapped = rewrapped.ciphertext();
    this.rewrappedAt = now;
  }

  void shred(String actor, String reason, Instant now) {
    this.wrapped = null;
    this.shreddedAt = now;
    this.shreddedBy = actor;
    this.shredReason = reason;
  }

  public Instant shreddedAt() {
    return shreddedAt;
  }
}
