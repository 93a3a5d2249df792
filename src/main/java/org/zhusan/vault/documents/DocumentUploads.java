package org.zhusan.vault.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.DocumentViews.DocumentView;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.documents.content.Verdict;
import org.zhusan.vault.documents.content.ZipTrailer;
import org.zhusan.vault.platform.db.AfterCommit;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Uploads: a new document, or a new version of one. An upload is one transaction: the encrypted
 * content rows, the version's metadata, its access-log entry and its place in the extraction queue
 * commit together or not at all (invariant 6). In order: the fields are checked, the access
 * decision is made and recorded (before the file is read), the type is detected from the content
 * and checked against the allowlist, the content is sealed ({@link VersionContent}), and the
 * version row and its queue item are written last. Extraction and indexing run after the commit
 * ({@link IndexingWorkers}), so an upload waits for no parser.
 */
@ApplicationScoped
@AuditedService
public class DocumentUploads {
  private static final Logger LOG = Logger.getLogger(DocumentUploads.class.getName());
  static final int MAX_TITLE = 500;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject SubjectLookup subjects;
  @Inject DocumentLookup lookup;
  @Inject VersionContent content;
  @Inject ContentInspection inspection;
  @Inject ExtractionQueue queue;
  @Inject IndexingWorkers workers;

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject AccessPolicy accessPolicy;
  @Inject org.zhusan.vault.keys.SubjectKeys keys;

  /** A new document (version 1) for a subject. */
  @Transactional
  public DocumentView create(UUID subjectId, UploadRequest upload) {
    return receive(subjectId, null, upload);
  }

  /** A new version of an existing document; earlier versions stay as they are. */
  @Transactional
  public DocumentView addVersion(UUID documentId, UploadRequest upload) {
    Document doc = lookup.find(documentId, Action.DOCUMENT_CREATE);
    lookup.guardDestroyed(doc, Action.DOCUMENT_CREATE);
    return receive(doc.subjectId(), doc, upload);
  }

  private DocumentView receive(UUID subjectId, Document existing, UploadRequest upload) {
    String centre =
        subjects
            .centreOf(subjectId)
            .orElseGet(
                () -> {
                  gatekeeper.recordNotFound(Action.DOCUMENT_CREATE, Target.subject(subjectId));
                  throw VaultException.notFound("The subject");
                });
    try {
      return store(subjectId, centre, existing, upload);
    } catch (UnreadableUploadException e) {
      throw VaultException.badRequest("invalid-upload", e.getMessage());
    } catch (IOException e) {
      throw VaultException.badRequest("invalid-upload", "The upload was interrupted or malformed.");
    }
  }

  private DocumentView store(UUID subjectId, String centre, Document existing, UploadRequest upload)
      throws IOException {
    DocumentType type = existing != null ? existing.type() : documentType(upload.type());
    Purpose purpose = accessPolicy.policy().parsePurpose(upload.purpose());
    String title = upload.title();
    if (existing == null && title == null) {
      throw VaultException.badRequest(
          "title-required", "A title is required (send the fields before the file).");
    }
    if (title != null && title.length() > MAX_TITLE) {
      throw VaultException.badRequest(
          "title-too-long", "title must be at most " + MAX_TITLE + " characters.");
    }
    UUID documentId = existing != null ? existing.id() : UUID.randomUUID();
    AccessEvent allowed =
        gatekeeper.requireDocument(
            Action.DOCUMENT_CREATE, type.name(), documentId, null, centre, purpose);
    Document doc = existing;
    if (doc == null) {
      doc = new Document(documentId, subjectId, type, allowed.userId());
      // The share is on disk (forced) before anything is sealed under the document's key; if this
      // transaction rolls back, an unused share is left behind, which opens nothing.
      keys.createDocumentKey(documentId);
      doc.changeTitle(title);
      // Persisted below, once its version number is set: persisted here, the document would be
      // inserted and then updated in the same flush.
    }
    UUID versionId = UUID.randomUUID();

    BufferedInputStream in = new BufferedInputStream(upload.content(), VersionContent.IO_BUFFER);
    DetectedType detected = inspection.detector().detect(in);
    if (detected.isEmpty()) {
      throw VaultException.badRequest("empty-file", "The file is empty (0 bytes).");
    }
    Verdict verdict = inspection.policy().check(type, detected);
    if (verdict.rejected()) {
      throw new VaultException(
          Problem.of(
              415,
              "unsupported-file-type",
              "Unsupported file type",
              "The file's content is "
                  + detected.mediaType()
                  + ", which is not accepted for "
                  + type
                  + " documents."));
    }

    ZipTrailer trailer = new ZipTrailer();
    VersionContent.Written written = content.write(doc.keyScope(), versionId, in, trailer::update);
    if (trailer.appendedArchive()) {
      // A polyglot (e.g. PDF + JAR): refused, and the transaction takes its rows with it. See
      // docs/extraction.md, "Polyglots".
      throw new VaultException(
          Problem.of(
              415,
              "polyglot-file",
              "Unsupported file type",
              "The file's content is "
                  + detected.mediaType()
                  + " with a ZIP archive appended (a polyglot file), which is not accepted."));
    }
    int versionNo = doc.nextVersion();
    if (existing == null) {
      em.persist(doc);
    }
    DocumentVersion version =
        new DocumentVersion(
            versionId,
            doc.id(),
            doc.keyScope(),
            versionNo,
            detected.mediaType(),
            written.size(),
            written.ciphertextBytes(),
            written.location().chunkCount(),
            written.digest(),
            upload.fileName(),
            null,
            VersionExtraction.State.PENDING.name(),
            null,
            allowed.userId());
    em.persist(version);
    VersionExtraction queued = queue.enqueue(versionId);
    wakeWorkersAfterCommit();
    LOG.info(
        "Stored document version "
            + versionId
            + " ("
            + written.size()
            + " bytes, "
            + detected.mediaType()
            + ", queued for extraction)");
    // The queue item just saved, not a query for it: a query would flush and read it back.
    return DocumentViews.of(doc, List.of(version), Map.of(versionId, queued));
  }

  /** Extraction starts once the version is committed, so that a worker can see it. */
  private void wakeWorkersAfterCommit() {
    AfterCommit.run(transactions, workers::wake);
  }

  private static DocumentType documentType(String raw) {
    if (raw == null) {
      throw VaultException.badRequest(
          "type-required", "A document type is required (send the fields before the file).");
    }
    try {
      return DocumentType.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest(
          "invalid-document-type",
          "type must be one of " + Arrays.toString(DocumentType.values()) + ".");
    }
  }
}
