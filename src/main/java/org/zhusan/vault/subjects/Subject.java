package org.zhusan.vault.subjects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * Aggregate root: a person whose records are kept. Identifying fields are held only sealed (AES-GCM
 * under the subject's own data key, bound to this row and column); reading them opens them, writing
 * them seals them, so the persistence context never holds their plaintext. Blind indexes allow
 * exact lookup by IIN and normalised full name; both are under the blind-index key version the row
 * records, which a key rotation moves to the primary.
 */
@Entity
@Table(name = "subject")
public class Subject {
  static final String TABLE = "subject";

  @Id private UUID id;

  @Column(name = "centre_code", nullable = false)
  private String centre;

  @Column(name = "sex", nullable = false)
  private String sex;

  @Column(name = "birth_year_band")
  private String birthYearBand;

  @Enumerated(EnumType.STRING)
  @Column(name = "programme_stage", nullable = false)
  private ProgrammeStage stage;

  @Column(name = "arrival_date")
  private LocalDate arrivalDate;

  @Column(name = "legal_status")
  private String legalStatus;

  @Column(name = "guardian_id")
  private UUID guardianId;

  @Column(name = "full_name_ct", nullable = false)
  private SealedText fullName;

  @Column(name = "date_of_birth_ct")
  private SealedText dateOfBirth;

  @Column(name = "iin_ct")
  private SealedText iin;

  @Column(name = "place_of_origin_ct")
  private SealedText placeOfOrigin;

  @Column(name = "notes_ct")
  private SealedText notes;

  @Column(name = "full_name_bidx", nullable = false)
  private byte[] fullNameIndex;

  @Column(name = "iin_bidx")
  private byte[] iinIndex;

  /** The blind-index key version both indexes are under. */
  @Column(name = "bidx_key_version", nullable = false)
  private int indexKeyVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Subject() {}

  /** A new subject; its data key must exist before sensitive fields are set. */
  Subject(
      UUID id,
      String centre,
      String sex,
      ProgrammeStage stage,
      String createdBy,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id is required.");
    this.centre = Objects.requireNonNull(centre, "centre is required.");
    this.sex = Objects.requireNonNull(sex, "sex is required.");
    this.stage = Objects.requireNonNull(stage, "stage is required.");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy is required.");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required.");
  }

  private FieldBinding field(String column) {
    return FieldBinding.ownRow(TABLE, column, id);
  }

  public UUID id() {
    return id;
  }

  public String centre() {
    return centre;
  }

  public String sex() {
    return sex;
  }

  public Optional<String> birthYearBand() {
    return Optional.ofNullable(birthYearBand);
  }

  public ProgrammeStage stage() {
    return stage;
  }

  public Optional<LocalDate> arrivalDate() {
    return Optional.ofNullable(arrivalDate);
  }

  public Optional<String> legalStatus() {
    return Optional.ofNullable(legalStatus);
  }

  public Optional<UUID> guardianId() {
    return Optional.ofNullable(guardianId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String fullName() {
    return Sealing.open(field("full_name_ct"), fullName);
  }

  public Optional<String> dateOfBirth() {
    return Optional.ofNullable(Sealing.open(field("date_of_birth_ct"), dateOfBirth));
  }

  public Optional<String> iin() {
    return Optional.ofNullable(Sealing.open(field("iin_ct"), iin));
  }

  public Optional<String> placeOfOrigin() {
    return Optional.ofNullable(Sealing.open(field("place_of_origin_ct"), placeOfOrigin));
  }

  public Optional<String> notes() {
    return Optional.ofNullable(Sealing.open(field("notes_ct"), notes));
  }

  /** Sets the name and IIN together: their blind indexes must be under one key version. */
  void changeNameAndIin(String name, String iinValue, SubjectIndexes.Indexes indexes) {
    this.fullName =
        Sealing.seal(field("full_name_ct"), Objects.requireNonNull(name, "full name is required."));
    this.iin = Sealing.seal(field("iin_ct"), iinValue);
    useIndexes(indexes, iinValue != null);
  }

  /** Replaces the blind indexes (key rotation); the sealed values do not change. */
  void rekeyIndexes(SubjectIndexes.Indexes indexes) {
    useIndexes(indexes, iin != null);
  }

  private void useIndexes(SubjectIndexes.Indexes indexes, boolean hasIin) {
    if (hasIin != (indexes.iin() != null)) {
      throw new IllegalArgumentException("the IIN index must be present exactly when the IIN is");
    }
    this.fullNameIndex = indexes.fullName();
    this.iinIndex = indexes.iin();
    this.indexKeyVersion = indexes.keyVersion();
  }

  void changeDateOfBirth(String value) {
    this.dateOfBirth = Sealing.seal(field("date_of_birth_ct"), value);
  }

  void changePlaceOfOrigin(String value) {
    this.placeOfOrigin = Sealing.seal(field("place_of_origin_ct"), value);
  }

  void changeNotes(String value) {
    this.notes = Sealing.seal(field("notes_ct"), value);
  }

  void changeBirthYearBand(String band) {
    this.birthYearBand = band;
  }

  void changeArrivalDate(LocalDate date) {
    this.arrivalDate = date;
  }

  void changeLegalStatus(String status) {
    this.legalStatus = status;
  }

  void linkGuardian(UUID guardian) {
    this.guardianId = guardian;
  }

  void moveTo(ProgrammeStage next) {
    this.stage = next;
  }
}
