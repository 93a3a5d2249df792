package org.zhusan.vault.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * One immutable version of a document: what was detected, how big, its keyed digest, who uploaded
 * it, whether extraction worked; the content itself is in {@code content_chunk}. Never updated
 * (triggers reject it).
 */
@Entity
@Table(name = "document_version")
public class DocumentVersion {
  @Id private UUID id;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "ciphertext_bytes", nullable = false)
  private long ciphertextBytes;

  @Column(name = "chunk_count", nullable = false)
  private int chunkCount;

  @Column(name = "content_digest", nullable = false)
  private byte[] contentDigest;

  @Column(name = "file_name_ct")
  private SealedText fileName;

  @Column(name = "metadata_ct")
  private SealedText metadata;

  @Column(name = "extraction_status", nullable = false)
  private String extractionStatus;

  @Column(name = "extraction_reason")
  private String extractionReason;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected DocumentVersion() {}

  /** All of a version is known once its content has been stored; it is created complete. */
  DocumentVersion(
      UUID id,
      UUID documentId,
      KeyScope keyOwner,
      int versionNo,
      String mediaType,
      long sizeBytes,
      long ciphertextBytes,
      int chunkCount,
      byte[] contentDigest,
      String fileName,
      String metadataJson,
      String extractionStatus,
      String extractionReason,
      String uploadedBy) {
    this.id = id;
    this.documentId = documentId;
    this.versionNo = versionNo;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.ciphertextBytes = ciphertextBytes;
    this.chunkCount = chunkCount;
    this.contentDigest = contentDigest.clone();
    this.fileName =
        Sealing.seal(new FieldBinding(keyOwner, "document_version", "file_name_ct", id), fileName);
    this.metadata =
        Sealing.seal(
            new FieldBinding(keyOwner, "document_version", "metadata_ct", id), metadataJson);
    this.extractionStatus = extractionStatus;
    this.extractionReason = extractionReason;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public UUID documentId() {
    return documentId;
  }

  public int versionNo() {
    return versionNo;
  }

  public String mediaType() {
    return mediaType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public long ciphertextBytes() {
    return ciphertextBytes;
  }

  public int chunkCount() {
    return chunkCount;
  }

  public byte[] contentDigest() {
    return contentDigest.clone();
  }

  public String extractionStatus() {
    return extractionStatus;
  }

  public Optional<String> extractionReason() {
    return Optional.ofNullable(extractionReason);
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public Optional<String> fileName(KeyScope keyOwner) {
    return Optional.ofNullable(
        Sealing.open(new FieldBinding(keyOwner, "document_version", "file_name_ct", id), fileName));
  }

  public Optional<String> metadataJson(KeyScope keyOwner) {
    return Optional.ofNullable(
        Sealing.open(new FieldBinding(keyOwner, "document_version", "metadata_ct", id), metadata));
  }
}
