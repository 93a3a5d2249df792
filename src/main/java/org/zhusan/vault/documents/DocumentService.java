package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.DocumentViews.DocumentView;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Reading documents' metadata: one document with its versions, and a subject's documents (only the
 * types the caller may read). Uploads are {@link DocumentUploads}, content downloads {@link
 * DocumentDownloads}.
 */
@ApplicationScoped
@AuditedService
public class DocumentService {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject SubjectLookup subjects;
  @Inject DocumentLookup lookup;
  @Inject AccessPolicy accessPolicy;

  @Transactional
  public Page<DocumentView> listForSubject(UUID subjectId, PageRequest page) {
    String centre =
        subjects
            .centreOf(subjectId)
            .orElseGet(
                () -> {
                  gatekeeper.recordNotFound(Action.DOCUMENT_LIST, Target.subject(subjectId));
                  throw VaultException.notFound("The subject");
                });
    gatekeeper.require(Action.DOCUMENT_LIST, Target.subject(subjectId), centre);
    lookup.guardShredded(subjectId);
    Set<String> readableNames = readableTypes(gatekeeper.caller(), centre);
    List<DocumentType> readableTypes = readableNames.stream().map(DocumentType::valueOf).toList();
    List<Document> docs =
        readableTypes.isEmpty()
            ? List.of()
            : em.createQuery(
                    "select d from Document d where d.subjectId = :s and d.type in :t order by"
                        + " d.createdAt, d.id",
                    Document.class)
                .setParameter("s", subjectId)
                .setParameter("t", readableTypes)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
    long total =
        readableTypes.isEmpty()
            ? 0
            : em.createQuery(
                    "select count(d) from Document d where d.subjectId = :s and d.type in :t",
                    Long.class)
                .setParameter("s", subjectId)
                .setParameter("t", readableTypes)
                .getSingleResult();
    var user = gatekeeper.caller();
    Set<String> readable = readableTypes(user, centre);
    return new Page<>(
        docs.stream()
            .filter(d -> readable.contains(d.type().name()))
            .map(d -> view(d, lookup.versions(d.id())))
            .toList(),
        page.offset(),
        page.limit(),
        total);
  }

  /** Document types whose content the caller may read at this centre (listings show only those). */
  private Set<String> readableTypes(StaffUser user, String centre) {
    Set<String> out = new TreeSet<>();
    for (DocumentType t : DocumentType.values()) {
      if (accessPolicy.decideDocument(user, Action.DOCUMENT_READ, t.name(), centre).allowed()) {
        out.add(t.name());
      }
    }
    return out;
  }

  /**
   * A document's metadata: for those who may read its type, or hold a grant or break-glass session
   * for it.
   */
  @Transactional
  public DocumentView read(UUID documentId) {
    Document doc = lookup.find(documentId, Action.DOCUMENT_LIST);
    lookup.guardDestroyed(doc, Action.DOCUMENT_READ);
    gatekeeper.requireDocument(
        Action.DOCUMENT_READ,
        doc.type().name(),
        documentId,
        null,
        subjects.centreOf(doc.subjectId()).orElseThrow(),
        null);
    lookup.guardShredded(doc.subjectId());
    return view(doc, lookup.versions(documentId));
  }

  private DocumentViews.DocumentView view(Document doc, List<DocumentVersion> versions) {
    return DocumentViews.of(doc, versions, lookup.extractions(versions));
  }
}
