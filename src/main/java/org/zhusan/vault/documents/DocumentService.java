package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.StaffUser;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.crypto.ContentDigest;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.crypto.StreamingAead;
import org.zhusan.vault.documents.DocumentViews.DocumentView;
import org.zhusan.vault.documents.DocumentViews.VersionView;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.documents.content.Verdict;
import org.zhusan.vault.documents.content.ZipTrailer;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Document use cases. An upload is one transaction: the encrypted content rows, the version's
 * metadata and its access-log entry commit together or not at all (invariant 6). Nothing of the
 * plaintext touches disk: the multipart stream is parsed without spooling, detection looks at an
 * in-memory head, extraction reads the stored ciphertext back through decryption into a child JVM.
 */
@ApplicationScoped
@AuditedService
public class DocumentService {
  private static final Logger LOG = Logger.getLogger(DocumentService.class.getName());
  static final int IO_BUFFER = 64 * 1024;
  static final int MAX_TITLE = 500;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject SubjectLookup subjects;
  @Inject SubjectKeys keys;
  @Inject ContentStore store;
  @Inject ContentInspection inspection;
  @Inject TextSink textSink;
  @Inject AccessPolicy accessPolicy;

  @Inject
  @ConfigProperty(name = "vault.documents.max-upload-bytes", defaultValue = "104857600")
  long maxUploadBytes;

  /** A new document (version 1) for a subject. */
  @Transactional
  public DocumentView create(UUID subjectId, HttpServletRequest request) {
    return receive(subjectId, null, request);
  }

  /** A new version of an existing document; earlier versions stay as they are. */
  @Transactional
  public DocumentView addVersion(UUID documentId, HttpServletRequest request) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      gatekeeper.recordDenied(
          Action.DOCUMENT_CREATE,
          "DOCUMENT",
          documentId.toString(),
          "not-found",
          "no such document");
      throw VaultException.notFound("The document");
    }
    return receive(doc.subjectId(), doc, request);
  }

  private DocumentView receive(UUID subjectId, Document existing, HttpServletRequest request) {
    String centre =
        subjects
            .centreOf(subjectId)
            .orElseGet(
                () -> {
                  gatekeeper.recordDenied(
                      Action.DOCUMENT_CREATE,
                      "SUBJECT",
                      subjectId.toString(),
                      "not-found",
                      "no such subject");
                  throw VaultException.notFound("The subject");
                });
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw VaultException.badRequest(
          "multipart-required",
          "Send the upload as multipart/form-data (fields type, title, purpose, then file).");
    }
    long declared = request.getContentLengthLong();
    if (declared > maxUploadBytes + 64 * 1024) {
      throw tooLarge();
    }
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    upload.setFileCountMax(1);
    UploadForm form = new UploadForm();
    try {
      FileItemInputIterator items = upload.getItemIterator(request);
      while (items.hasNext()) {
        FileItemInput item = items.next();
        if (item.isFormField()) {
          try (InputStream in = item.getInputStream()) {
            form.read(item.getFieldName(), in);
          }
          continue;
        }
        return store(subjectId, centre, existing, form, item);
      }
    } catch (java.nio.file.InvalidPathException e) {
      // The parser checks part file names as it meets them (a NUL byte); see FileNames.sent.
      throw VaultException.badRequest(
          "invalid-file-name", "The file name must not contain a NUL character.");
    } catch (FileUploadException e) {
      throw VaultException.badRequest(
          "invalid-upload",
          "The multipart body could not be read: " + e.getClass().getSimpleName() + ".");
    } catch (IOException e) {
      throw VaultException.badRequest("invalid-upload", "The upload was interrupted or malformed.");
    }
    throw VaultException.badRequest("file-required", "No file part was sent (field 'file').");
  }

  private DocumentView store(
      UUID subjectId, String centre, Document existing, UploadForm form, FileItemInput file)
      throws IOException {
    String fileName = FileNames.clean(FileNames.sent(file));
    DocumentType type = existing != null ? existing.type() : documentType(form.get("type"));
    Purpose purpose = accessPolicy.policy().parsePurpose(form.get("purpose"));
    String title = form.get("title");
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
      doc.changeTitle(title);
      em.persist(doc);
    }
    UUID versionId = UUID.randomUUID();

    BufferedInputStream in = new BufferedInputStream(file.getInputStream(), IO_BUFFER);
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

    StreamingAead aead = keys.contentCipher(subjectId, true);
    byte[] binding = SubjectKeys.contentBinding(versionId);
    ContentDigest digest = keys.contentDigest(subjectId, versionId);
    long size = 0;
    ZipTrailer trailer = new ZipTrailer();
    ContentStore.ChunkWriter rows;
    try {
      rows = store.writer(versionId);
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "storage-unavailable", "The content store is not available.");
    }
    try (rows;
        OutputStream sealed = aead.newEncryptingStream(rows, binding)) {
      byte[] buf = new byte[IO_BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        size += n;
        if (size > maxUploadBytes) {
          throw tooLarge();
        }
        digest.update(buf, 0, n);
        trailer.update(buf, 0, n);
        sealed.write(buf, 0, n);
      }
    }
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
    ExtractionResult extraction =
        extract(subjectId, doc, versionId, detected, aead, binding, rows, size);
    int versionNo = doc.nextVersion();
    DocumentVersion version =
        new DocumentVersion(
            versionId,
            doc.id(),
            subjectId,
            versionNo,
            detected.mediaType(),
            size,
            rows.bytes(),
            rows.chunks(),
            digest.finish(),
            fileName,
            metadataJson(extraction.metadata()),
            extraction.status().name(),
            extraction.reason() == null || extraction.reason().isBlank()
                ? null
                : extraction.reason(),
            allowed.userId());
    em.persist(version);
    LOG.info(
        "Stored document version "
            + versionId
            + " ("
            + size
            + " bytes, "
            + detected.mediaType()
            + ", "
            + extraction.status()
            + ")");
    return view(doc, List.of(version));
  }

  private ExtractionResult extract(
      UUID subjectId,
      Document doc,
      UUID versionId,
      DetectedType detected,
      StreamingAead aead,
      byte[] binding,
      ContentStore.ChunkWriter rows,
      long size)
      throws IOException {
    var sink = textSink.open(subjectId, doc.id(), versionId, doc.type().name());
    ExtractionResult result;
    try (InputStream plain =
        aead.newDecryptingStream(store.reader(versionId, rows.chunks()), binding)) {
      result = inspection.extractor().extract(plain, detected, sink);
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "storage-unavailable", "The content store is not available.");
    }
    textSink.finish(versionId, result.extracted());
    return result;
  }

  @Transactional
  public Page<DocumentView> listForSubject(UUID subjectId, PageRequest page) {
    String centre =
        subjects
            .centreOf(subjectId)
            .orElseGet(
                () -> {
                  gatekeeper.recordDenied(
                      Action.DOCUMENT_LIST,
                      "SUBJECT",
                      subjectId.toString(),
                      "not-found",
                      "no such subject");
                  throw VaultException.notFound("The subject");
                });
    gatekeeper.require(Action.DOCUMENT_LIST, "SUBJECT", subjectId.toString(), centre, null);
    guardShredded(subjectId);
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
            .map(d -> view(d, versions(d.id())))
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
    Document doc = find(documentId, Action.DOCUMENT_LIST);
    gatekeeper.requireDocument(
        Action.DOCUMENT_READ,
        doc.type().name(),
        documentId,
        null,
        subjects.centreOf(doc.subjectId()).orElseThrow(),
        null);
    guardShredded(doc.subjectId());
    return view(doc, versions(documentId));
  }

  /**
   * What a download needs, decided and recorded in its own (short) transaction before streaming.
   */
  public record Download(
      UUID subjectId,
      UUID versionId,
      int chunkCount,
      String mediaType,
      long size,
      String fileName,
      byte[] digest,
      String etag) {}

  @Transactional
  public Download authorizeDownload(UUID documentId, int versionNo, String purposeRaw) {
    Purpose purpose = accessPolicy.policy().parsePurpose(purposeRaw);
    Document doc = find(documentId, Action.DOCUMENT_READ);
    String centre = subjects.centreOf(doc.subjectId()).orElseThrow();
    DocumentVersion v = versionOrNull(documentId, versionNo);
    gatekeeper.requireDocument(
        Action.DOCUMENT_READ,
        doc.type().name(),
        documentId,
        v == null ? null : v.id(),
        centre,
        purpose);
    guardShredded(doc.subjectId());
    if (v == null) {
      throw VaultException.notFound("That version");
    }
    return new Download(
        doc.subjectId(),
        v.id(),
        v.chunkCount(),
        v.mediaType(),
        v.sizeBytes(),
        v.fileName(doc.subjectId()).orElse("document"),
        v.contentDigest(),
        "\"" + v.id() + "\"");
  }

  /**
   * Streams a version's plaintext. Every segment is authenticated as it is decrypted; the keyed
   * digest of the whole is checked at the end. Three ways a download can end early, told apart
   * because only the first is evidence of tampering:
   *
   * <ul>
   *   <li>the stored ciphertext fails authentication, or the digest or size differs: an integrity
   *       alarm in the server log and a FAILED {@code integrity} entry in the access log;
   *   <li>the stored rows cannot be read (the database went away): a FAILED {@code storage} entry,
   *       no alarm;
   *   <li>the client stops reading (closed tab, broken pipe): an ordinary aborted read, already
   *       recorded as ALLOWED when it was authorised; nothing more is logged as a failure.
   * </ul>
   *
   * In each case the response is cut short, so the client sees an incomplete transfer, never a
   * complete-looking one.
   */
  @Transactional
  public void stream(Download d, OutputStream out) throws IOException {
    StreamingAead aead = keys.contentCipher(d.subjectId(), false);
    ContentDigest digest = keys.contentDigest(d.subjectId(), d.versionId());
    long size = 0;
    InputStream stored;
    try {
      stored = store.reader(d.versionId(), d.chunkCount());
    } catch (SQLException e) {
      throw storageFailure(d, e);
    }
    try (InputStream plain =
        aead.newDecryptingStream(stored, SubjectKeys.contentBinding(d.versionId()))) {
      byte[] buf = new byte[IO_BUFFER];
      int n;
      while ((n = plain.read(buf)) > 0) {
        digest.update(buf, 0, n);
        try {
          out.write(buf, 0, n);
        } catch (IOException clientGone) {
          throw abortedByClient(d, size, clientGone);
        }
        size += n;
      }
    } catch (ClientAbortedException e) {
      throw e;
    } catch (IOException e) {
      throw isAuthenticationFailure(e)
          ? integrityAlarm(d, "content failed authentication while streaming")
          : storageFailure(d, e);
    }
    if (size != d.size() || !ContentDigest.matches(digest.finish(), d.digest())) {
      throw integrityAlarm(d, "content digest mismatch");
    }
    try {
      out.flush();
    } catch (IOException clientGone) {
      throw abortedByClient(d, size, clientGone);
    }
  }

  /**
   * The client stopped reading; distinct from the read-side failures so it is never taken for one.
   */
  static final class ClientAbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientAbortedException(IOException cause) {
      super("download aborted by the client", cause);
    }
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DecryptionFailedException) {
        return true;
      }
    }
    return false;
  }

  private IOException abortedByClient(Download d, long sent, IOException cause) {
    LOG.info(
        "download of document version "
            + d.versionId()
            + " aborted by the client after "
            + sent
            + " bytes");
    return new ClientAbortedException(cause);
  }

  private IOException storageFailure(Download d, Exception cause) {
    LOG.warning(
        "document version "
            + d.versionId()
            + ": stored content could not be read ("
            + cause.getClass().getSimpleName()
            + "); download aborted");
    gatekeeper.recordFailureNow(
        Action.DOCUMENT_READ,
        "VERSION",
        d.versionId().toString(),
        "storage",
        "storage-failure: stored content could not be read");
    return new IOException("download aborted: stored content could not be read");
  }

  private IOException integrityAlarm(Download d, String what) {
    LOG.severe(
        "INTEGRITY ALARM: document version " + d.versionId() + ": " + what + "; download aborted");
    gatekeeper.recordFailureNow(
        Action.DOCUMENT_READ,
        "VERSION",
        d.versionId().toString(),
        "integrity",
        "integrity-failure: " + what);
    return new IOException("download aborted: integrity failure");
  }

  private Document find(UUID documentId, Action action) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      gatekeeper.recordDenied(
          action, "DOCUMENT", documentId.toString(), "not-found", "no such document");
      throw VaultException.notFound("The document");
    }
    return doc;
  }

  private DocumentVersion versionOrNull(UUID documentId, int versionNo) {
    return em.createQuery(
            "select v from DocumentVersion v where v.documentId = :d and v.versionNo = :n",
            DocumentVersion.class)
        .setParameter("d", documentId)
        .setParameter("n", versionNo)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private List<DocumentVersion> versions(UUID documentId) {
    return em.createQuery(
            "select v from DocumentVersion v where v.documentId = :d order by v.versionNo",
            DocumentVersion.class)
        .setParameter("d", documentId)
        .getResultList();
  }

  private void guardShredded(UUID subjectId) {
    if (keys.isShredded(subjectId)) {
      throw VaultException.gone(
          "crypto-shredded",
          "This record's encryption key was destroyed (crypto-shredding); its documents can no"
              + " longer be read.");
    }
  }

  private DocumentView view(Document d, List<DocumentVersion> versions) {
    return new DocumentView(
        d.id(),
        d.subjectId(),
        d.type().name(),
        d.title(),
        d.latestVersion(),
        d.createdAt(),
        d.createdBy(),
        versions.stream()
            .map(
                v ->
                    new VersionView(
                        v.id(),
                        v.versionNo(),
                        v.mediaType(),
                        v.sizeBytes(),
                        v.fileName(d.subjectId()).orElse(null),
                        v.uploadedBy(),
                        v.uploadedAt(),
                        v.extractionStatus(),
                        v.extractionReason().orElse(null),
                        metadata(v.metadataJson(d.subjectId()).orElse(null))))
            .toList());
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

  private static String metadataJson(Map<String, String> metadata) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    metadata.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            b.add(k, v);
          }
        });
    return b.build().toString();
  }

  private static Map<String, String> metadata(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null) {
      return out;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    return out;
  }

  private VaultException tooLarge() {
    return new VaultException(
        Problem.of(
            413,
            "payload-too-large",
            "Payload too large",
            "The file is larger than the limit of " + maxUploadBytes + " bytes."));
  }
}
