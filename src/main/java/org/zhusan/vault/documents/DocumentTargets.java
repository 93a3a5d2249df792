package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.audit.Target;

/**
 * The access-log targets that name a person's file or one document: the subject record, each
 * document, each version as {@code <document>/<version>} and as a version. Ids only; an auditor's
 * "who touched this file" needs the reads of the person's documents too, which the log names by
 * document, not by person.
 */
@ApplicationScoped
public class DocumentTargets {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  /** The subject and every document and version of theirs (a shredded subject's too). */
  public Set<Target> ofSubject(UUID subjectId) {
    Set<Target> targets = new HashSet<>();
    targets.add(Target.subject(subjectId));
    List<UUID> documents =
        em.createQuery("select d.id from Document d where d.subjectId = :s", UUID.class)
            .setParameter("s", subjectId)
            .getResultList();
    documents.forEach(d -> targets.add(Target.document(d)));
    em.createQuery(
            "select v.documentId, v.id from DocumentVersion v where v.documentId in"
                + " (select d.id from Document d where d.subjectId = :s)",
            Object[].class)
        .setParameter("s", subjectId)
        .getResultList()
        .forEach(r -> addVersion(targets, (UUID) r[0], (UUID) r[1]));
    return targets;
  }

  /** The document and each of its versions; only the document when it does not exist. */
  public Set<Target> ofDocument(UUID documentId) {
    Set<Target> targets = new HashSet<>();
    targets.add(Target.document(documentId));
    em.createQuery("select v.id from DocumentVersion v where v.documentId = :d", UUID.class)
        .setParameter("d", documentId)
        .getResultList()
        .forEach(v -> addVersion(targets, documentId, v));
    return targets;
  }

  private static void addVersion(Set<Target> targets, UUID documentId, UUID versionId) {
    targets.add(Target.document(documentId, versionId));
    targets.add(Target.version(versionId));
  }
}
