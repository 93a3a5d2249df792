package org.zhusan.vault.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * One document in the disposition queue: its retention ended under {@link #rule()}. It is destroyed
 * only after one person proposes it and a different person approves; a REVIEW item may instead be
 * kept longer. The rule is copied in, so a later change of the schedule does not rewrite history.
 * Free-text reasons are sealed under the person's data key.
 */
@Entity
@Table(name = "disposition")
public class Disposition {
  /** Where an item stands. */
  public enum State {
    /** Retention ended; waiting for a proposal (or, for REVIEW, an extension). */
    ELIGIBLE,
    /** Proposed for destruction; waiting for a second person's approval. */
    PROPOSED,
    /**
     * Kept longer (REVIEW only) until {@code extendedUntil}; the next scan after it queues it
     * again.
     */
    EXTENDED,
    /** Approved and destroyed; a certificate exists. */
    DESTROYED
  }

  @Id private UUID id;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Column(name = "centre_code", nullable = false)
  private String centre;

  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type", nullable = false)
  private DocumentType documentType;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_event", nullable = false)
  private RetentionEvent ruleEvent;

  @Column(name = "rule_period", nullable = false)
  private String rulePeriod;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_action", nullable = false)
  private DispositionAction ruleAction;

  @Column(name = "retention_start", nullable = false)
  private LocalDate retentionStart;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private State state;

  @Column(name = "found_at", nullable = false)
  private Instant foundAt;

  @Column(name = "proposed_by")
  private String proposedBy;

  @Column(name = "proposed_at")
  private Instant proposedAt;

  @Column(name = "proposal_reason_ct")
  private SealedText proposalReason;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "extended_by")
  private String extendedBy;

  @Column(name = "extended_at")
  private Instant extendedAt;

  @Column(name = "extended_until")
  private LocalDate extendedUntil;

  @Column(name = "extension_reason_ct")
  private SealedText extensionReason;

  @Column(name = "certificate_id")
  private UUID certificateId;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Disposition() {}

  Disposition(
      UUID documentId,
      UUID subjectId,
      String centre,
      RetentionRule rule,
      LocalDate retentionStart) {
    this.id = UUID.randomUUID();
    this.documentId = Objects.requireNonNull(documentId);
    this.subjectId = Objects.requireNonNull(subjectId);
    this.centre = Objects.requireNonNull(centre);
    this.documentType = rule.documentType();
    this.ruleEvent = rule.event();
    this.rulePeriod = rule.period().toString();
    this.ruleAction = rule.action();
    this.retentionStart = Objects.requireNonNull(retentionStart);
    this.dueOn = rule.dueOn(retentionStart);
    this.state = State.ELIGIBLE;
    this.foundAt = Instant.now();
  }

  private FieldBinding binding(String column) {
    return new FieldBinding(subjectId, "disposition", column, id);
  }

  void propose(String by, String reason) {
    SealedText sealed = Sealing.seal(binding("proposal_reason_ct"), reason);
    this.proposedBy = Objects.requireNonNull(by);
    this.proposedAt = Instant.now();
    this.proposalReason = sealed;
    this.state = State.PROPOSED;
  }

  void approve(String by, Instant at, UUID certificate) {
    this.approvedBy = Objects.requireNonNull(by);
    this.approvedAt = Objects.requireNonNull(at);
    this.certificateId = Objects.requireNonNull(certificate);
    this.state = State.DESTROYED;
  }

  void extend(String by, LocalDate until, String reason) {
    SealedText sealed = Sealing.seal(binding("extension_reason_ct"), reason);
    this.extendedBy = Objects.requireNonNull(by);
    this.extendedAt = Instant.now();
    this.extendedUntil = Objects.requireNonNull(until);
    this.extensionReason = sealed;
    this.state = State.EXTENDED;
  }

  public UUID id() {
    return id;
  }

  public UUID documentId() {
    return documentId;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public String centre() {
    return centre;
  }

  public RetentionRule rule() {
    return new RetentionRule(documentType, ruleEvent, Period.parse(rulePeriod), ruleAction);
  }

  public LocalDate retentionStart() {
    return retentionStart;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public State state() {
    return state;
  }

  public Instant foundAt() {
    return foundAt;
  }

  public Optional<String> proposedBy() {
    return Optional.ofNullable(proposedBy);
  }

  public Optional<Instant> proposedAt() {
    return Optional.ofNullable(proposedAt);
  }

  public Optional<String> proposalReason() {
    return Optional.ofNullable(Sealing.open(binding("proposal_reason_ct"), proposalReason));
  }

  public Optional<String> approvedBy() {
    return Optional.ofNullable(approvedBy);
  }

  public Optional<Instant> approvedAt() {
    return Optional.ofNullable(approvedAt);
  }

  public Optional<String> extendedBy() {
    return Optional.ofNullable(extendedBy);
  }

  public Optional<LocalDate> extendedUntil() {
    return Optional.ofNullable(extendedUntil);
  }

  public Optional<String> extensionReason() {
    return Optional.ofNullable(Sealing.open(binding("extension_reason_ct"), extensionReason));
  }

  public Optional<UUID> certificateId() {
    return Optional.ofNullable(certificateId);
  }
}
