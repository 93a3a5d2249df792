package org.zhusan.vault.outcomes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * One dated indicator observation on a person. Immutable (the table's triggers refuse UPDATE and
 * DELETE): a mistake is corrected by a new observation naming this one. The value is sealed under
 * the person's data key, bound to this row and column; the kind stays plain so reports can select
 * by it without opening every value.
 */
@Entity
@Table(name = "indicator_observation")
public class Observation {
  static final String TABLE = "indicator_observation";

  @Id private UUID id;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false)
  private IndicatorKind kind;

  @Column(name = "value_ct", nullable = false, updatable = false)
  private SealedText value;

  @Column(name = "observed_on", nullable = false, updatable = false)
  private LocalDate observedOn;

  @Column(name = "document_id", updatable = false)
  private UUID documentId;

  @Column(name = "corrects", updatable = false)
  private UUID corrects;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  protected Observation() {}

  Observation(
      UUID subjectId,
      IndicatorKind kind,
      String value,
      LocalDate observedOn,
      UUID documentId,
      UUID corrects,
      String recordedBy) {
    this.id = UUID.randomUUID();
    this.subjectId = Objects.requireNonNull(subjectId, "subjectId is required.");
    this.kind = Objects.requireNonNull(kind, "kind is required.");
    if (!kind.accepts(value)) {
      throw new IllegalArgumentException("not a value of " + kind);
    }
    this.value = Sealing.seal(binding(), value);
    this.observedOn = Objects.requireNonNull(observedOn, "observedOn is required.");
    this.documentId = documentId;
    this.corrects = corrects;
    this.recordedAt = Instant.now();
    this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy is required.");
  }

  /** The person's key, this row and column: a value copied to another row does not open. */
  private FieldBinding binding() {
    return new FieldBinding(subjectId, TABLE, "value_ct", id);
  }

  public UUID id() {
    return id;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public IndicatorKind kind() {
    return kind;
  }

  /** Opens the value (in memory only). */
  public String value() {
    return Sealing.open(binding(), value);
  }

  public LocalDate observedOn() {
    return observedOn;
  }

  public Optional<UUID> documentId() {
    return Optional.ofNullable(documentId);
  }

  public Optional<UUID> corrects() {
    return Optional.ofNullable(corrects);
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
