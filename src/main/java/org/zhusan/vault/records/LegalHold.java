package org.zhusan.vault.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * A legal hold on a whole person ({@code documentId} null) or one document: while it stands,
 * nothing under it may be disposed of or crypto-shredded. Reason and case reference are sealed
 * under the person's data key (they may name a court case). Released, never deleted.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {
  @Id private UUID id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Column(name = "document_id")
  private UUID documentId;

  @Column(name = "centre_code", nullable = false)
  private String centre;

  @Column(name = "reason_ct", nullable = false)
  private SealedText reason;

  @Column(name = "case_reference_ct", nullable = false)
  private SealedText caseReference;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Column(name = "placed_by", nullable = false)
  private String placedBy;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Column(name = "released_by")
  private String releasedBy;

  @Column(name = "release_reason_ct")
  private SealedText releaseReason;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected LegalHold() {}

  LegalHold(
      UUID subjectId,
      UUID documentId,
      String centre,
      String reason,
      String caseReference,
      String placedBy) {
    this.id = UUID.randomUUID();
    this.subjectId = Objects.requireNonNull(subjectId);
    this.documentId = documentId;
    this.centre = Objects.requireNonNull(centre);
    this.placedBy = Objects.requireNonNull(placedBy);
    this.placedAt = Instant.now();
    this.reason = Sealing.seal(binding("reason_ct"), Objects.requireNonNull(reason));
    this.caseReference =
        Sealing.seal(binding("case_reference_ct"), Objects.requireNonNull(caseReference));
  }

  private FieldBinding binding(String column) {
    return new FieldBinding(subjectId, "legal_hold", column, id);
  }

  void release(String by, String why) {
    SealedText sealed = Sealing.seal(binding("release_reason_ct"), Objects.requireNonNull(why));
    this.releasedBy = Objects.requireNonNull(by);
    this.releasedAt = Instant.now();
    this.releaseReason = sealed;
  }

  public UUID id() {
    return id;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public Optional<UUID> documentId() {
    return Optional.ofNullable(documentId);
  }

  public String centre() {
    return centre;
  }

  public String reason() {
    return Sealing.open(binding("reason_ct"), reason);
  }

  public String caseReference() {
    return Sealing.open(binding("case_reference_ct"), caseReference);
  }

  public Instant placedAt() {
    return placedAt;
  }

  public String placedBy() {
    return placedBy;
  }

  public boolean active() {
    return releasedAt == null;
  }

  public Optional<Instant> releasedAt() {
    return Optional.ofNullable(releasedAt);
  }

  public Optional<String> releasedBy() {
    return Optional.ofNullable(releasedBy);
  }

  public Optional<String> releaseReason() {
    return Optional.ofNullable(Sealing.open(binding("release_reason_ct"), releaseReason));
  }
}
