package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Finding documents and versions for the document use cases, on the caller's transaction: a
 * document that does not exist is a recorded denial and a 404; a crypto-shredded subject's
 * documents are gone (410).
 */
@ApplicationScoped
class DocumentLookup {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject SubjectKeys keys;

  /** The document, or a DENIED entry for {@code action} and 404. */
  Document find(UUID documentId, Action action) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      gatekeeper.recordNotFound(action, Target.document(documentId));
      throw VaultException.notFound("The document");
    }
    return doc;
  }

  Optional<DocumentVersion> version(UUID documentId, int versionNo) {
    return em.createQuery(
            "select v from DocumentVersion v where v.documentId = :d and v.versionNo = :n",
            DocumentVersion.class)
        .setParameter("d", documentId)
        .setParameter("n", versionNo)
        .getResultStream()
        .findFirst();
  }

  List<DocumentVersion> versions(UUID documentId) {
    return em.createQuery(
            "select v from DocumentVersion v where v.documentId = :d order by v.versionNo",
            DocumentVersion.class)
        .setParameter("d", documentId)
        .getResultList();
  }

  /** The extraction items of these versions (those uploaded since indexing runs after commit). */
  java.util.Map<UUID, VersionExtraction> extractions(List<DocumentVersion> versions) {
    if (versions.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<UUID, VersionExtraction> byVersion = new java.util.HashMap<>();
    em.createQuery(
            "select e from VersionExtraction e where e.versionId in :ids", VersionExtraction.class)
        .setParameter("ids", versions.stream().map(DocumentVersion::id).toList())
        .getResultList()
        .forEach(e -> byVersion.put(e.versionId(), e));
    return byVersion;
  }

  /**
   * 410 once the document was destroyed under the retention schedule, for everyone (recorded as a
   * refusal of {@code action}).
   */
  void guardDestroyed(Document doc, Action action) {
    if (doc.destroyed()) {
      gatekeeper.recordDestroyed(
          action,
          Target.document(doc.id()),
          "destroyed under certificate of destruction " + doc.certificateId().orElseThrow());
      throw VaultException.gone(
          "destroyed",
          "This document was destroyed under the retention schedule (certificate of destruction "
              + doc.certificateId().orElseThrow()
              + "); its content can no longer be read.");
    }
  }

  /** 410 once the subject's data key was destroyed: nothing of its documents can be read. */
  void guardShredded(UUID subjectId) {
    if (keys.isShredded(subjectId)) {
      throw VaultException.gone(
          "crypto-shredded",
          "This record's encryption key was destroyed (crypto-shredding); its documents can no"
              + " longer be read.");
    }
  }
}
