package org.zhusan.vault.records;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.zhusan.vault.audit.Checkpoints;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.documents.DocumentErasure;
import org.zhusan.vault.documents.DocumentVersion;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.db.AfterCommit;
import org.zhusan.vault.records.certificate.CertificateJson;
import org.zhusan.vault.records.certificate.DestructionCertificate;

/**
 * Destroys one approved document, on the approval's transaction: issues and stores its signed
 * certificate of destruction, marks the document destroyed, erases what search and sharing hold
 * about it, and — once the transaction has committed, before the approval is answered — destroys
 * the document's key share, after which its title, metadata and content cannot be opened from the
 * database or from any earlier backup of it. Should the vault stop between the commit and the
 * share's deletion, the next disposition scan deletes it ({@link DispositionScan}).
 */
@ApplicationScoped
public class Destruction {
  private static final Logger LOG = Logger.getLogger(Destruction.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject SubjectKeys keys;
  @Inject Checkpoints checkpoints;
  @Inject Instance<DocumentErasure> erasures;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The certificate issued; the document is destroyed when the caller's transaction commits. */
  CertificateRecord destroy(Disposition d, Document doc, String approvedBy, Instant approvedAt) {
    List<DocumentVersion> versions =
        em.createQuery(
                "select v from DocumentVersion v where v.documentId = :d order by v.versionNo",
                DocumentVersion.class)
            .setParameter("d", doc.id())
            .getResultList();
    UUID certificateId = UUID.randomUUID();
    RetentionRule rule = d.rule();
    DestructionCertificate certificate =
        new DestructionCertificate(
            certificateId,
            approvedAt,
            d.id(),
            d.subjectId(),
            d.centre(),
            doc.id(),
            doc.type().name(),
            versions.stream()
                .map(
                    v ->
                        new DestructionCertificate.DestroyedVersion(
                            v.versionNo(),
                            v.id(),
                            v.mediaType(),
                            v.sizeBytes(),
                            HexFormat.of().formatHex(v.contentDigest())))
                .toList(),
            new DestructionCertificate.RetentionRule(
                rule.documentType().name(),
                rule.event().name(),
                rule.period().toString(),
                rule.action().name()),
            d.retentionStart(),
            d.dueOn(),
            d.proposedBy().orElseThrow(),
            d.proposedAt().orElseThrow(),
            approvedBy,
            approvedAt);
    CheckpointSigner signer = checkpoints.signer();
    byte[] body = CertificateJson.body(certificate);
    byte[] file =
        CertificateJson.signedFile(
            body, signer.signDetached(CertificateJson.signedMessage(body)), signer.keyId());
    CertificateRecord record =
        new CertificateRecord(certificateId, d.id(), doc.id(), approvedAt, signer.keyId(), file);
    d.approve(approvedBy, approvedAt, certificateId);
    doc.markDestroyed(approvedAt, certificateId);
    em.persist(record);
    em.flush(); // the disposition's certificate must exist before the check constraints run
    List<UUID> versionIds = versions.stream().map(DocumentVersion::id).toList();
    erasures.forEach(e -> e.erase(doc.id(), versionIds));
    UUID documentId = doc.id();
    AfterCommit.run(transactions, () -> destroyShare(documentId));
    return record;
  }

  private void destroyShare(UUID documentId) {
    try {
      keys.destroyDocumentKey(documentId);
      LOG.info("Destroyed the key of document " + documentId);
    } catch (RuntimeException e) {
      LOG.severe(
          "The key share of destroyed document "
              + documentId
              + " could not be deleted now; the next disposition scan deletes it");
    }
  }
}
