package org.zhusan.vault.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.documents.DocumentVersion;
import org.zhusan.vault.documents.VersionContent;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The database steps of re-indexing ({@link SearchReindexer}): list the versions to do, check which
 * of a batch still need it, and re-index one version in a transaction of its own — its stored
 * content is opened and its text extracted in the contained child (with OCR if available now)
 * exactly as at upload ({@link VersionContent}), and its tokens and state are rebuilt ({@link
 * VersionIndexing}). Plaintext exists only in memory while one version is processed.
 */
@ApplicationScoped
public class ReindexWork {
  private static final Logger LOG = Logger.getLogger(ReindexWork.class.getName());

  /** What happened to one version. */
  public enum Outcome {
    INDEXED,
    NOT_INDEXED,
    FAILED,
    SKIPPED;

    static Outcome of(SearchIndexStore.Status status) {
      return valueOf(status.name());
    }
  }

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject SubjectKeys keys;
  @Inject VersionContent content;
  @Inject VersionIndexing indexing;
  @Inject SearchEngine engine;

  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  /** Which versions a run re-indexes. */
  public enum Scope {
    /** Every version. */
    ALL,
    /**
     * The stale ones: not indexed, or indexed with another token purpose (analyser generation) or
     * under another blind-index key version than the primary.
     */
    STALE,
    /**
     * Only versions whose tokens are under another blind-index key version than the primary (a key
     * rotation): versions without tokens depend on no key, so they are not re-extracted.
     */
    OLD_KEY
  }

  /**
   * Every version id (of a live subject) in {@code scope} now, in id order: a run's work set,
   * listed by one statement so that its size is the run's total. Versions entering the scope later
   * (an upload indexed meanwhile) are left to the next run.
   */
  public List<UUID> versionsToDo(Scope scope) {
    String sql = "SELECT v.id" + FROM + " WHERE TRUE" + filter(scope) + " ORDER BY v.id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindFilter(ps, 1, scope);
      return ids(ps);
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "search-unavailable",
          "Versions to re-index could not be listed (SQL state " + e.getSQLState() + ").");
    }
  }

  /**
   * Which of {@code versionIds} are still in {@code scope} now: one that left it since the run
   * listed it (indexed by its worker or another transaction meanwhile, its subject shredded) has
   * nothing left to do.
   */
  public Set<UUID> stillToDo(List<UUID> versionIds, Scope scope) {
    String sql = "SELECT v.id" + FROM + " WHERE v.id = ANY(?)" + filter(scope);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", versionIds.toArray()));
      bindFilter(ps, 2, scope);
      return new HashSet<>(ids(ps));
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "search-unavailable",
          "Versions to re-index could not be listed (SQL state " + e.getSQLState() + ").");
    }
  }

  private void bindFilter(PreparedStatement ps, int first, Scope scope) throws SQLException {
    int i = first;
    if (scope == Scope.STALE) {
      ps.setString(i++, BlindTokens.PURPOSE);
    }
    if (scope != Scope.ALL) {
      ps.setInt(i, engine.primaryKeyVersion());
    }
  }

  private static List<UUID> ids(PreparedStatement ps) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static final String FROM =
      " FROM document_version v"
          // destroyed documents have nothing left to index (their keys are gone)
          + " JOIN document d ON d.id = v.document_id AND d.destroyed_at IS NULL"
          + " JOIN data_key k ON k.owner_id = d.subject_id AND k.wrapped IS NOT NULL"
          + " LEFT JOIN search_index_state st ON st.version_id = v.id";

  private static String filter(Scope scope) {
    return switch (scope) {
      case ALL -> "";
      case STALE ->
          " AND (st.version_id IS NULL OR st.status <> 'INDEXED' OR st.token_purpose <> ? OR"
              + " st.bidx_key_version <> ?)"
              // a version still in the extraction queue is indexed by its worker
              + " AND NOT EXISTS (SELECT 1 FROM version_extraction ve WHERE ve.version_id = v.id"
              + " AND ve.state = 'PENDING')";
      case OLD_KEY -> " AND st.status = 'INDEXED' AND st.bidx_key_version <> ?";
    };
  }

  /**
   * Deletes the tokens and index state of every version of a crypto-shredded subject (search
   * already ignores them; this removes the last trace of their vocabulary). Returns the token rows
   * deleted.
   */
  @Transactional
  public int purgeShredded() {
    String shredded =
        "SELECT v.id FROM document_version v JOIN document d ON d.id = v.document_id"
            + " JOIN data_key k ON k.owner_id = d.subject_id WHERE k.wrapped IS NULL";
    try (Connection c = dataSource.getConnection();
        PreparedStatement tokens =
            c.prepareStatement("DELETE FROM search_token WHERE version_id IN (" + shredded + ")");
        PreparedStatement states =
            c.prepareStatement(
                "DELETE FROM search_index_state WHERE version_id IN (" + shredded + ")")) {
      int n = tokens.executeUpdate();
      states.executeUpdate();
      return n;
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "search-unavailable",
          "Tokens of shredded subjects could not be purged (SQL state " + e.getSQLState() + ").");
    }
  }

  /** Re-indexes one version, in its own transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome reindex(UUID versionId) {
    DocumentVersion version = em.find(DocumentVersion.class, versionId);
    if (version == null) {
      return Outcome.SKIPPED;
    }
    Document doc = em.find(Document.class, version.documentId());
    UUID subjectId = doc.subjectId();
    if (keys.isShredded(subjectId)) {
      return Outcome.SKIPPED;
    }
    VersionIndexing.Pending index = indexing.start(versionId);
    ExtractionResult result;
    try {
      result =
          content.extract(
              VersionContent.Location.of(doc, version),
              new DetectedType(version.mediaType()),
              index);
    } catch (IOException | SQLException e) {
      LOG.severe(
          "Re-index: content of version "
              + versionId
              + " could not be read or failed authentication; recorded FAILED");
      return Outcome.of(indexing.unreadable(versionId));
    }
    return Outcome.of(indexing.finish(versionId, index, result.extracted()));
  }
}
