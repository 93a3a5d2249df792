package org.zhusan.vault.subjects;

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
import java.util.UUID;

/** One dated move between programme stages (immutable once recorded). */
@Entity
@Table(name = "stage_transition")
public class StageTransition {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_stage")
  private ProgrammeStage from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_stage", nullable = false)
  private ProgrammeStage to;

  @Column(name = "effective_on", nullable = false)
  private LocalDate effectiveOn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  protected StageTransition() {}

  StageTransition(
      UUID subjectId,
      ProgrammeStage from,
      ProgrammeStage to,
      LocalDate effectiveOn,
      String recordedBy) {
    this.subjectId = subjectId;
    this.from = from;
    this.to = to;
    this.effectiveOn = effectiveOn;
    this.recordedAt = Instant.now();
    this.recordedBy = recordedBy;
  }

  public ProgrammeStage from() {
    return from;
  }

  public ProgrammeStage to() {
    return to;
  }

  public LocalDate effectiveOn() {
    return effectiveOn;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
