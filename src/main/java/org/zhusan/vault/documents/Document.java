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
import java.util.UUID;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.keys.FieldBinding;
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
  }

  private FieldBinding titleBinding() {
    return new FieldBinding(subjectId, "document", "title_ct", id);
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

  public String title() {
    return Sealing.open(titleBinding(), title);
  }

  void changeTitle(String plaintext) {
    this.title =
        Sealing.seal(titleBinding(), Objects.requireNonNull(plaintext, "title is required."));
  }

  /** Reserves the next version number (optimistic locking guards concurrent uploads). */
  int nextVersion() {
    return ++latestVersion;
  }
}
