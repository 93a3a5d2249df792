package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.crypto.ContentDigest;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * A document's latest version as plaintext in memory, verified (every segment authenticated and the
 * keyed digest of the whole checked), for a package that leaves the vault (a disclosure). Decides
 * nothing and records nothing: the caller has decided and records the disclosure itself.
 */
@ApplicationScoped
public class DocumentExports {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VersionContent content;
  @Inject DocumentLookup lookup;

  /** A version's plaintext and what a package shows of it. */
  public record Export(
      UUID documentId,
      UUID subjectId,
      DocumentType type,
      String title,
      UUID versionId,
      int versionNo,
      String mediaType,
      String fileName,
      byte[] content) {}

  /**
   * The document's type and person, without opening anything (empty if there is no such document).
   */
  public Optional<Document> find(UUID documentId) {
    return Optional.ofNullable(em.find(Document.class, documentId));
  }

  /** The latest version of a live document, verified; 410 if destroyed or shredded. */
  public Export latest(UUID documentId) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      throw VaultException.notFound("The document");
    }
    lookup.guardShredded(doc.subjectId());
    if (doc.destroyed()) {
      throw VaultException.gone("destroyed", "Document " + documentId + " was destroyed.");
    }
    DocumentVersion v =
        lookup
            .version(documentId, doc.latestVersion())
            .orElseThrow(() -> VaultException.notFound("The document's latest version"));
    VersionContent.Location where = VersionContent.Location.of(doc, v);
    ContentDigest digest = content.digest(where);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(v.sizeBytes(), 1 << 24));
    try (InputStream plain = content.open(where)) {
      byte[] buf = new byte[VersionContent.IO_BUFFER];
      int n;
      while ((n = plain.read(buf)) > 0) {
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    } catch (IOException | SQLException e) {
      throw VaultException.unavailable(
          "content-unreadable", "Document " + documentId + " could not be read; nothing was sent.");
    }
    if (out.size() != v.sizeBytes() || !ContentDigest.matches(digest.finish(), v.contentDigest())) {
      throw VaultException.unavailable(
          "content-unreadable",
          "Document " + documentId + " failed its integrity check; nothing was sent.");
    }
    return new Export(
        doc.id(),
        doc.subjectId(),
        doc.type(),
        doc.title(),
        v.id(),
        v.versionNo(),
        v.mediaType(),
        v.fileName(doc.keyScope()).orElse("document"),
        out.toByteArray());
  }
}
