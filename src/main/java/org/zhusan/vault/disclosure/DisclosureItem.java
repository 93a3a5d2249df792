package org.zhusan.vault.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One document version in a disclosure, with the SHA-256 of exactly what was handed over. */
@Entity
@Table(name = "disclosure_item")
@IdClass(DisclosureItem.Key.class)
public class DisclosureItem {
  /** Composite key. */
  public record Key(UUID disclosureId, int position) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "disclosure_id")
  private UUID disclosureId;

  @Id
  @Column(name = "position")
  private int position;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "version_id", nullable = false)
  private UUID versionId;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "doc_type", nullable = false)
  private String documentType;

  @Column(name = "sha256", nullable = false)
  private byte[] sha256;

  protected DisclosureItem() {}

  DisclosureItem(
      UUID disclosureId,
      int position,
      UUID documentId,
      UUID versionId,
      int versionNo,
      String documentType,
      byte[] sha256) {
    this.disclosureId = disclosureId;
    this.position = position;
    this.documentId = documentId;
    this.versionId = versionId;
    this.versionNo = versionNo;
    this.documentType = documentType;
    this.sha256 = sha256.clone();
  }

  public UUID documentId() {
    return documentId;
  }

  public UUID versionId() {
    return versionId;
  }

  public int versionNo() {
    return versionNo;
  }

  public String documentType() {
    return documentType;
  }

  public byte[] sha256() {
    return sha256.clone();
  }

  public int position() {
    return position;
  }
}
