package org.zhusan.vault.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A dated event on a person that starts retention clocks (e.g. their court case closed). */
@Entity
@Table(name = "subject_event")
public class SubjectEvent {
  /** Kinds of event; programme closure is the stage transition to CLOSED, not an event here. */
  public enum Kind {
    CASE_CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private Kind kind;

  @Column(name = "occurred_on", nullable = false)
  private LocalDate occurredOn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  protected SubjectEvent() {}

  SubjectEvent(UUID subjectId, Kind kind, LocalDate occurredOn, String recordedBy) {
    this.subjectId = Objects.requireNonNull(subjectId);
    this.kind = Objects.requireNonNull(kind);
    this.occurredOn = Objects.requireNonNull(occurredOn);
    this.recordedBy = Objects.requireNonNull(recordedBy);
    this.recordedAt = Instant.now();
  }

  public Long id() {
    return id;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public Kind kind() {
    return kind;
  }

  public LocalDate occurredOn() {
    return occurredOn;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
