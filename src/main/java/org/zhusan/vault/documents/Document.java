package org.zhusan.vault.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/** Aggregate root: a subject's document, with a sealed title and a count of its versions. */
@Entity
@Table(name = "document")
public class Document {
  @Id private UUID id;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type", nullable = false)
  private DocumentType type;

  @Column(name = "title_ct", nullable = false)
  private SealedText title;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "latest_version", nullable = false)
  private int latestVersion;

  /**
   * How the title, metadata and content are keyed (documents before per-document keys: SUBJECT).
   */
  @Enumerated(EnumType.STRING)
  @Column(name = "key_scheme", nullable = false)
  private KeyScheme keyScheme;

  @Column(name = "destroyed_at")
  private Instant destroyedAt;

  @Column(name = "certificate_id")
  private UUID certificateId;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Document() {}

  Document(UUID id, UUID subjectId, DocumentType type, String createdBy) {
    this.id = Objects.requireNonNull(id, "id is required.");
    this.subjectId = Objects.requireNonNull(subjectId, "subjectId is required.");
    this.type = Objects.requireNonNull(type, "type is required.");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy is required.");
    this.createdAt = Instant.now();
    this.keyScheme = KeyScheme.DOCUMENT;
  }

  /** Which key a document's title, metadata and content are sealed under. */
  public enum KeyScheme {
    /** The subject's data key: documents stored before per-document keys existed. */
    SUBJECT,
    /** The document's own key (subject's data key + the document's key share). */
    DOCUMENT
  }

  private FieldBinding titleBinding() {
    return new FieldBinding(keyScope(), "document", "title_ct", id);
  }

  /** The key everything of this document is sealed under. */
  public KeyScope keyScope() {
    return keyScheme == KeyScheme.DOCUMENT
        ? KeyScope.document(subjectId, id)
        : KeyScope.subject(subjectId);
  }

  public KeyScheme keyScheme() {
    return keyScheme;
  }

  /** When the document was destroyed under the retention schedule, if it was. */
  public Optional<Instant> destroyedAt() {
    return Optional.ofNullable(destroyedAt);
  }

  /** The certificate of its destruction, if it was destroyed. */
  public Optional<UUID> certificateId() {
    return Optional.ofNullable(certificateId);
  }

  public boolean destroyed() {
    return destroyedAt != null;
  }

  /** Marks the document destroyed (its key share is destroyed by the caller, in the same step). */
  public void markDestroyed(Instant at, UUID certificate) {
    this.destroyedAt = Objects.requireNonNull(at, "at is required.");
    this.certificateId = Objects.requireNonNull(certificate, "certificate is required.");
  }

  public UUID id() {
    return id;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public DocumentType type() {
    return type;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public int latestVersion() {
    return latestVersion;
  }

  /** The title; never for a destroyed document (its key is gone). */
  public String title() {
    if (destroyed()) {
      throw new IllegalStateException("a destroyed document has no title");
    }
    return Sealing.open(titleBinding(), title);
  }

  void changeTitle(String plaintext) {
    this.title =
        Sealing.seal(titleBinding(), Objects.requireNonNull(plaintext, "title is required."));
  }

  /**
   * Moves a legacy document to its own key: from here on its title is sealed under the document key
   * ({@code title} is the plaintext read under the subject's key just before).
   */
  void resealUnderDocumentKey(String title) {
    this.keyScheme = KeyScheme.DOCUMENT;
    changeTitle(title);
  }

  /** Reserves the next version number (optimistic locking guards concurrent uploads). */
  int nextVersion() {
    return ++latestVersion;
  }
}
