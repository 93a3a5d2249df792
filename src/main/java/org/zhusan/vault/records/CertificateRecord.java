package org.zhusan.vault.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A certificate of destruction exactly as issued and signed (immutable in the database). */
@Entity
@Table(name = "destruction_certificate")
public class CertificateRecord {
  @Id private UUID id;

  @Column(name = "disposition_id", nullable = false)
  private UUID dispositionId;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "key_id", nullable = false)
  private String keyId;

  @Column(name = "signed_file", nullable = false)
  private byte[] signedFile;

  protected CertificateRecord() {}

  CertificateRecord(
      UUID id, UUID dispositionId, UUID documentId, Instant issuedAt, String keyId, byte[] file) {
    this.id = id;
    this.dispositionId = dispositionId;
    this.documentId = documentId;
    this.issuedAt = issuedAt;
    this.keyId = keyId;
    this.signedFile = file.clone();
  }

  public UUID id() {
    return id;
  }

  public UUID dispositionId() {
    return dispositionId;
  }

  public UUID documentId() {
    return documentId;
  }

  public String keyId() {
    return keyId;
  }

  public byte[] signedFile() {
    return signedFile.clone();
  }
}
