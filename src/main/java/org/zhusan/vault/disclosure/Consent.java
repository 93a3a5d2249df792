package org.zhusan.vault.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * A person's (or their guardian's) consent to disclose named document types to a recipient — a
 * category, or one named recipient — for a purpose, until a date, with the signed CONSENT document
 * attached. Revocable (dated), never deleted. Names and purpose are sealed under the person's key.
 */
@Entity
@Table(name = "consent")
public class Consent {
  /** Who gave it. */
  public enum GivenBy {
    SUBJECT,
    GUARDIAN
  }

  @Id private UUID id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Column(name = "centre_code", nullable = false)
  private String centre;

  @Enumerated(EnumType.STRING)
  @Column(name = "given_by", nullable = false)
  private GivenBy givenBy;

  @Column(name = "guardian_name_ct")
  private SealedText guardianName;

  @Column(name = "document_types", nullable = false)
  private String documentTypes;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false)
  private RecipientKind recipientKind;

  @Column(name = "recipient_name_ct")
  private SealedText recipientName;

  @Column(name = "purpose_ct", nullable = false)
  private SealedText purpose;

  @Column(name = "valid_until", nullable = false)
  private LocalDate validUntil;

  @Column(name = "consent_document_id", nullable = false)
  private UUID consentDocumentId;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "revoked_on")
  private LocalDate revokedOn;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "revocation_reason_ct")
  private SealedText revocationReason;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Consent() {}

  Consent(
      UUID subjectId,
      String centre,
      GivenBy givenBy,
      String guardianName,
      Set<DocumentType> types,
      RecipientKind recipientKind,
      String recipientName,
      String purpose,
      LocalDate validUntil,
      UUID consentDocumentId,
      String recordedBy) {
    this.id = UUID.randomUUID();
    this.subjectId = Objects.requireNonNull(subjectId);
    this.centre = Objects.requireNonNull(centre);
    this.givenBy = Objects.requireNonNull(givenBy);
    this.documentTypes = types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    this.recipientKind = Objects.requireNonNull(recipientKind);
    this.validUntil = Objects.requireNonNull(validUntil);
    this.consentDocumentId = Objects.requireNonNull(consentDocumentId);
    this.recordedBy = Objects.requireNonNull(recordedBy);
    this.recordedAt = Instant.now();
    this.guardianName = Sealing.seal(binding("guardian_name_ct"), guardianName);
    this.recipientName = Sealing.seal(binding("recipient_name_ct"), recipientName);
    this.purpose = Sealing.seal(binding("purpose_ct"), Objects.requireNonNull(purpose));
  }

  private FieldBinding binding(String column) {
    return new FieldBinding(subjectId, "consent", column, id);
  }

  void revoke(LocalDate on, String by, String reason) {
    SealedText sealed = Sealing.seal(binding("revocation_reason_ct"), reason);
    this.revokedOn = Objects.requireNonNull(on);
    this.revokedBy = Objects.requireNonNull(by);
    this.revokedAt = Instant.now();
    this.revocationReason = sealed;
  }

  /** Why this consent does not cover a disclosure on {@code day}, or empty if it does. */
  Optional<String> gap(LocalDate day, RecipientKind kind, String name, Set<DocumentType> types) {
    if (revokedOn != null && !day.isBefore(revokedOn)) {
      return Optional.of("consent " + id + " was revoked on " + revokedOn);
    }
    if (day.isAfter(validUntil)) {
      return Optional.of("consent " + id + " expired on " + validUntil);
    }
    if (kind != recipientKind) {
      return Optional.of(
          "consent " + id + " is for a recipient of kind " + recipientKind + ", not " + kind);
    }
    Optional<String> named = recipientName();
    if (named.isPresent() && !named.get().strip().equalsIgnoreCase(name.strip())) {
      return Optional.of("consent " + id + " names another recipient");
    }
    Set<DocumentType> missing = EnumSet.noneOf(DocumentType.class);
    missing.addAll(types);
    missing.removeAll(documentTypes());
    if (!missing.isEmpty()) {
      return Optional.of("consent " + id + " does not cover documents of type " + missing);
    }
    return Optional.empty();
  }

  public UUID id() {
    return id;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public String centre() {
    return centre;
  }

  public GivenBy givenBy() {
    return givenBy;
  }

  public Optional<String> guardianName() {
    return Optional.ofNullable(Sealing.open(binding("guardian_name_ct"), guardianName));
  }

  public Set<DocumentType> documentTypes() {
    Set<DocumentType> out = EnumSet.noneOf(DocumentType.class);
    Arrays.stream(documentTypes.split(",")).map(DocumentType::valueOf).forEach(out::add);
    return out;
  }

  public RecipientKind recipientKind() {
    return recipientKind;
  }

  public Optional<String> recipientName() {
    return Optional.ofNullable(Sealing.open(binding("recipient_name_ct"), recipientName));
  }

  public String purpose() {
    return Sealing.open(binding("purpose_ct"), purpose);
  }

  public LocalDate validUntil() {
    return validUntil;
  }

  public UUID consentDocumentId() {
    return consentDocumentId;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Optional<LocalDate> revokedOn() {
    return Optional.ofNullable(revokedOn);
  }

  public Optional<String> revokedBy() {
    return Optional.ofNullable(revokedBy);
  }

  public Optional<String> revocationReason() {
    return Optional.ofNullable(Sealing.open(binding("revocation_reason_ct"), revocationReason));
  }
}
