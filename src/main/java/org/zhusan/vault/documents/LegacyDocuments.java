package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;
import org.zhusan.vault.keys.SubjectKeys;

/**
 * Documents stored before per-document keys ({@code key_scheme = SUBJECT}): how many are left, and
 * re-sealing one under its own key — a key share is created, every version's content is streamed
 * from its old ciphertext into new rows under the document key (the old digest checked on the way),
 * file names, metadata and the title are re-sealed, and migration V11's definer function swaps the
 * rows; all in one transaction per document, so a document is either wholly re-sealed or untouched.
 */
@ApplicationScoped
public class LegacyDocuments {
  private static final String LEGACY =
      " FROM document d JOIN data_key k ON k.owner_id = d.subject_id AND k.wrapped IS NOT NULL"
          + " WHERE d.key_scheme = 'SUBJECT' AND d.destroyed_at IS NULL";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject SubjectKeys keys;
  @Inject VersionContent content;
  @Inject DocumentLookup lookup;

  /** Legacy documents still to re-seal (those of crypto-shredded persons need none). */
  @Transactional
  public long remaining() {
    return ((Number) em.createNativeQuery("SELECT count(*)" + LEGACY).getSingleResult())
        .longValue();
  }

  /** Up to {@code limit} legacy documents, oldest first, except {@code skip}. */
  @Transactional
  public List<UUID> next(int limit, Collection<UUID> skip) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT d.id"
                    + LEGACY
                    + " ORDER BY d.created_at, d.id LIMIT "
                    + (limit + skip.size()))
            .getResultList();
    List<UUID> out = new ArrayList<>();
    for (UUID id : ids) {
      if (!skip.contains(id) && out.size() < limit) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Re-seals one legacy document under its own key; false if it is not legacy any more (another
   * instance did it) or is locked by another re-sealing.
   *
   * @throws IOException if its stored content fails authentication or its digest
   * @throws SQLException if the content store cannot be reached
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean reseal(UUID documentId) throws IOException, SQLException {
    if (em.createNativeQuery(
            "SELECT id FROM document WHERE id = ?1 AND key_scheme = 'SUBJECT' AND destroyed_at IS"
                + " NULL FOR UPDATE SKIP LOCKED")
        .setParameter(1, documentId)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    Document doc = em.find(Document.class, documentId);
    em.refresh(doc);
    KeyScope from = doc.keyScope();
    KeyScope to = KeyScope.document(doc.subjectId(), documentId);
    String title = doc.title();
    keys.ensureDocumentKey(documentId);
    List<DocumentVersion> versions = lookup.versions(documentId);
    for (DocumentVersion v : versions) {
      String fileName = v.fileName(from).orElse(null);
      String metadata = v.metadataJson(from).orElse(null);
      VersionContent.Written written =
          content.reseal(
              new VersionContent.Location(from, v.id(), v.chunkCount()), to, v.contentDigest());
      byte[] sealedName = sealed(to, "file_name_ct", v.id(), fileName);
      byte[] sealedMetadata = sealed(to, "metadata_ct", v.id(), metadata);
      em.unwrap(Session.class)
          .doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement("SELECT reseal_document_version(?, ?, ?, ?, ?, ?)")) {
                  ps.setObject(1, v.id());
                  ps.setBytes(2, written.digest());
                  ps.setLong(3, written.ciphertextBytes());
                  ps.setInt(4, written.location().chunkCount());
                  ps.setBytes(5, sealedName);
                  ps.setBytes(6, sealedMetadata);
                  ps.execute();
                }
              });
      VersionExtraction extraction = em.find(VersionExtraction.class, v.id());
      if (extraction != null) {
        extraction.reseal(from, to);
      }
    }
    doc.resealUnderDocumentKey(title);
    for (DocumentVersion v : versions) {
      em.detach(v); // its row was rewritten by the database function; never flush the old values
    }
    return true;
  }

  private static byte[] sealed(KeyScope key, String column, UUID versionId, String plaintext) {
    SealedText s =
        Sealing.seal(new FieldBinding(key, "document_version", column, versionId), plaintext);
    return s == null ? null : s.ciphertext();
  }
}
