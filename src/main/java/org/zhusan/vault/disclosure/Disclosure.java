package org.zhusan.vault.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * One disclosure: documents of one person that left the vault, to whom, why, on what basis, by whom
 * and when, with the signed manifest of what was in the package. Immutable in the database.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure {
  /** What was handed over. */
  public enum PackageKind {
    COURT_BUNDLE,
    ZIP
  }

  @Id private UUID id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Column(name = "centre_code", nullable = false)
  private String centre;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false)
  private RecipientKind recipientKind;

  @Column(name = "recipient_name_ct", nullable = false)
  private SealedText recipientName;

  @Column(name = "purpose_ct", nullable = false)
  private SealedText purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "basis_kind", nullable = false)
  private BasisKind basisKind;

  @Column(name = "consent_id")
  private UUID consentId;

  @Column(name = "reference_ct")
  private SealedText reference;

  @Column(name = "statute")
  private String statute;

  @Enumerated(EnumType.STRING)
  @Column(name = "package_kind", nullable = false)
  private PackageKind packageKind;

  @Column(name = "package_sha256", nullable = false)
  private byte[] packageSha256;

  @Column(name = "manifest", nullable = false)
  private byte[] manifest;

  @Column(name = "made_at", nullable = false)
  private Instant madeAt;

  @Column(name = "made_by", nullable = false)
  private String madeBy;

  protected Disclosure() {}

  Disclosure(
      UUID id,
      UUID subjectId,
      String centre,
      RecipientKind recipientKind,
      String recipientName,
      String purpose,
      Basis basis,
      PackageKind packageKind,
      byte[] packageSha256,
      byte[] manifest,
      Instant madeAt,
      String madeBy) {
    this.id = Objects.requireNonNull(id);
    this.subjectId = Objects.requireNonNull(subjectId);
    this.centre = Objects.requireNonNull(centre);
    this.recipientKind = Objects.requireNonNull(recipientKind);
    this.basisKind = basis.kind();
    this.consentId = basis.consentId();
    this.statute = basis.statute();
    this.packageKind = Objects.requireNonNull(packageKind);
    this.packageSha256 = packageSha256.clone();
    this.manifest = manifest.clone();
    this.madeAt = Objects.requireNonNull(madeAt);
    this.madeBy = Objects.requireNonNull(madeBy);
    this.recipientName = Sealing.seal(binding("recipient_name_ct"), recipientName);
    this.purpose = Sealing.seal(binding("purpose_ct"), purpose);
    this.reference = Sealing.seal(binding("reference_ct"), basis.reference());
  }

  private FieldBinding binding(String column) {
    return new FieldBinding(subjectId, "disclosure", column, id);
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

  public RecipientKind recipientKind() {
    return recipientKind;
  }

  public String recipientName() {
    return Sealing.open(binding("recipient_name_ct"), recipientName);
  }

  public String purpose() {
    return Sealing.open(binding("purpose_ct"), purpose);
  }

  public BasisKind basisKind() {
    return basisKind;
  }

  public Optional<UUID> consentId() {
    return Optional.ofNullable(consentId);
  }

  public Optional<String> reference() {
    return Optional.ofNullable(Sealing.open(binding("reference_ct"), reference));
  }

  public Optional<String> statute() {
    return Optional.ofNullable(statute);
  }

  public PackageKind packageKind() {
    return packageKind;
  }

  public byte[] packageSha256() {
    return packageSha256.clone();
  }

  public byte[] manifest() {
    return manifest.clone();
  }

  public Instant madeAt() {
    return madeAt;
  }

  public String madeBy() {
    return madeBy;
  }

  /** The basis in words, for the package and the accounting. */
  public String basisInWords() {
    return switch (basisKind) {
      case CONSENT -> "consent " + consentId;
      case COURT_ORDER -> "court order " + reference().orElse("");
      case STATUTE -> "statute: " + statute;
    };
  }
}
