package org.zhusan.vault.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.Policy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.crypto.KeyUsageLimitExceededException;
import org.zhusan.vault.crypto.QueryTextSealer;
import org.zhusan.vault.documents.ContentInspection;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.search.SearchViews.IndexCounts;
import org.zhusan.vault.search.SearchViews.SearchHit;
import org.zhusan.vault.search.SearchViews.SearchRequest;
import org.zhusan.vault.search.SearchViews.SearchStatus;
import org.zhusan.vault.search.SearchViews.StoredQuery;

/**
 * Search use cases. A search is one transaction: its access-log entry (action SEARCH, target QUERY
 * and a random query id), the query text encrypted for auditors ({@code search_query}), and the
 * query itself, whose SQL filters by the caller's centres and readable document types — and drops
 * crypto-shredded subjects — <em>before</em> ranking, counting and paging, so a hit the caller may
 * not read is never returned, counted or able to push a readable hit off a page (invariant 7).
 */
@ApplicationScoped
@AuditedService
public class SearchService {
  private static final Logger LOG = Logger.getLogger(SearchService.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject SearchEngine engine;
  @Inject SearchAccess access;
  @Inject ContentInspection inspection;

  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  /** Runs a search for the caller; one access-log entry whatever the outcome. */
  @Transactional
  public Page<SearchHit> search(SearchRequest body, PageRequest page) {
    if (body == null || body.q() == null || body.q().isBlank()) {
      throw VaultException.badRequest("query-required", "Send the query as JSON: {\"q\": \"…\"}.");
    }
    UUID subject = subject(body.subject());
    StaffUser user = gatekeeper.caller();
    UUID queryId = UUID.randomUUID();
    gatekeeper.require(Action.SEARCH, Target.query(queryId));
    Query query;
    try {
      query = engine.parser(keyVersionsInIndex()).parse(body.q());
    } catch (QuerySyntaxException e) {
      throw VaultException.badRequest(
          "invalid-query", e.getMessage()); // rolls back; @Audited records FAILED
    }
    storeQuery(queryId, user.userId(), body.q());
    Set<String> centres = new TreeSet<>(user.centres());
    Set<String> types = access.readableTypes(user);
    if (centres.isEmpty() || types.isEmpty()) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    return run(query, centres, types, subject, page);
  }

  /**
   * The loaded blind-index key versions that some indexed version's tokens are under. Besides the
   * primary (always searched: uploads index under it), that is an older version only while a key
   * rotation is re-indexing; one indexed probe per other loaded version, and none (not even a
   * connection) while only the primary is loaded. A version not loaded cannot be searched at all
   * (start-up and reload refuse a keystore without it).
   */
  private Set<Integer> keyVersionsInIndex() {
    Set<Integer> versions = new TreeSet<>();
    int primary = engine.primaryKeyVersion();
    versions.add(primary);
    if (engine.loadedKeyVersions().size() == 1) {
      return versions;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM search_index_state WHERE bidx_key_version = ? AND"
                    + " status = 'INDEXED')")) {
      for (int version : engine.loadedKeyVersions()) {
        if (version == primary) {
          continue;
        }
        ps.setInt(1, version);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            versions.add(version);
          }
        }
      }
    } catch (SQLException e) {
      LOG.warning("Search key versions could not be read (SQL state " + e.getSQLState() + ")");
      throw VaultException.unavailable("search-unavailable", "The search index is not available.");
    }
    return versions;
  }

  private Page<SearchHit> run(
      Query query, Set<String> centres, Set<String> types, UUID subject, PageRequest page) {
    QuerySql.Fragment fragment = QuerySql.candidates(query);
    String accessible =
        " FROM ("
            + fragment.sql()
            + ") AS h"
            + " JOIN document_version v ON v.id = h.version_id"
            + " JOIN document d ON d.id = v.document_id"
            + " JOIN subject s ON s.id = d.subject_id"
            + " JOIN data_key k ON k.owner_id = d.subject_id"
            + " WHERE k.wrapped IS NOT NULL" // crypto-shredded subjects: never
            + " AND s.centre_code IN ("
            + placeholders(centres.size())
            + ")" // centre scope
            + " AND d.doc_type IN ("
            + placeholders(types.size())
            + ")" // readable document types
            + (subject != null ? " AND d.subject_id = ?" : "");
    String sql =
        "SELECT h.version_id, h.score, v.document_id, v.version_no, d.subject_id, d.doc_type,"
            + " count(*) OVER () AS total"
            + accessible
            + " ORDER BY h.score DESC, h.version_id LIMIT ? OFFSET ?";
    List<Row> rows = new ArrayList<>();
    long total = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindAccess(ps, fragment, centres, types, subject);
      ps.setInt(i++, page.limit());
      ps.setInt(i, page.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getLong(2),
                  rs.getObject(3, UUID.class),
                  rs.getInt(4),
                  rs.getObject(5, UUID.class),
                  rs.getString(6)));
          total = rs.getLong(7);
        }
      }
      if (rows.isEmpty() && page.offset() > 0) {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*)" + accessible)) {
          bindAccess(count, fragment, centres, types, subject);
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
        }
      }
    } catch (SQLException e) {
      LOG.warning("Search query failed (SQL state " + e.getSQLState() + ")");
      throw VaultException.unavailable("search-unavailable", "The search index is not available.");
    }
    Map<UUID, String> titles = new HashMap<>();
    List<SearchHit> hits = new ArrayList<>(rows.size());
    for (Row r : rows) {
      String title =
          titles.computeIfAbsent(r.documentId(), id -> em.find(Document.class, id).title());
      hits.add(
          new SearchHit(
              r.documentId(),
              r.versionNo(),
              r.versionId(),
              r.subjectId(),
              r.type(),
              r.score(),
              title));
    }
    return new Page<>(hits, page.offset(), page.limit(), total);
  }

  private record Row(
      UUID versionId, long score, UUID documentId, int versionNo, UUID subjectId, String type) {}

  private static int bindAccess(
      PreparedStatement ps,
      QuerySql.Fragment fragment,
      Set<String> centres,
      Set<String> types,
      UUID subject)
      throws SQLException {
    int i = fragment.bind(ps, 1);
    for (String centre : centres) {
      ps.setString(i++, centre);
    }
    for (String type : types) {
      ps.setString(i++, type);
    }
    if (subject != null) {
      ps.setObject(i++, subject);
    }
    return i;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static UUID subject(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(raw.trim());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-subject", "subject must be a subject id (UUID).");
    }
  }

  /** The query text, encrypted for auditors, under the id the access-log entry names. */
  private void storeQuery(UUID queryId, String userId, String text) {
    QueryTextSealer sealer = engine.queryTexts();
    byte[] ct;
    try {
      ct = sealer.seal(text, queryBinding(queryId));
    } catch (KeyUsageLimitExceededException e) {
      LOG.warning(
          "Search query could not be sealed (key usage limit of blind-index key v"
              + sealer.keyVersion()
              + ")");
      throw VaultException.unavailable(
          "search-unavailable", "The search could not be recorded, so it was not run.");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO search_query (id, user_id, created_at, key_purpose, bidx_key_version,"
                    + " query_ct) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, queryId);
      ps.setString(2, userId);
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      ps.setString(4, QueryTextSealer.PURPOSE);
      ps.setInt(5, sealer.keyVersion());
      ps.setBytes(6, ct);
      ps.executeUpdate();
    } catch (SQLException e) {
      LOG.warning("Search query could not be recorded (SQL state " + e.getSQLState() + ")");
      throw VaultException.unavailable(
          "search-unavailable", "The search could not be recorded, so it was not run.");
    }
  }

  /** Binds a recorded query's ciphertext to its row: moved to another row, it does not open. */
  private static byte[] queryBinding(UUID queryId) {
    return AssociatedData.forField("search_query", "query_ct", queryId);
  }

  /**
   * AUDITOR: what was searched under a query id taken from the access log. Itself logged
   * (LOG_READ).
   */
  @Transactional
  public StoredQuery readQuery(UUID queryId) {
    gatekeeper.require(Action.LOG_READ, Target.query(queryId));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT user_id, created_at, key_purpose, bidx_key_version, query_ct FROM"
                    + " search_query WHERE id = ?")) {
      ps.setObject(1, queryId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw VaultException.notFound("The query");
        }
        String userId = rs.getString(1);
        Instant at = rs.getTimestamp(2).toInstant();
        String purpose = rs.getString(3);
        if (!QueryTextSealer.PURPOSE.equals(purpose)
            && !QueryTextSealer.LEGACY_PURPOSE.equals(purpose)) {
          throw VaultException.unavailable(
              "query-key-unavailable",
              "This query was encrypted under a key this vault does not have.");
        }
        int keyVersion = rs.getInt(4);
        QueryTextSealer sealer = engine.queryTexts();
        // Recorded queries are immutable and never re-encrypted: once their blind-index key version
        // has been removed from the keystore (after a rotation), their words are gone for good.
        if (!sealer.canOpen(keyVersion)) {
          throw VaultException.gone(
              "query-key-removed",
              "The words of this search were encrypted under blind-index key v"
                  + keyVersion
                  + ", which has been removed from the keystore; they can no longer be read. Who"
                  + " searched, when and with which outcome remain in the access log.");
        }
        byte[] ct = rs.getBytes(5);
        try {
          // Rows recorded before the sealer was rebuilt on crypto's AEAD keep their own layout (see
          // QueryTextSealer).
          String text =
              QueryTextSealer.PURPOSE.equals(purpose)
                  ? sealer.open(ct, queryBinding(queryId))
                  : sealer.openLegacy(keyVersion, queryId.toString(), ct, queryBinding(queryId));
          return new StoredQuery(queryId, userId, at, text);
        } catch (DecryptionFailedException e) {
          LOG.severe("Integrity failure opening search_query.query_ct of row " + queryId);
          throw new VaultException(
              Problem.of(
                  500,
                  "integrity-failure",
                  "Integrity failure",
                  "Stored data failed its integrity check and was not returned. The event was"
                      + " logged."));
        }
      }
    } catch (SQLException e) {
      throw VaultException.unavailable("search-unavailable", "The search log is not available.");
    }
  }

  /**
   * Any staff: whether OCR is on, and how many versions are indexed (no content, no per-centre
   * figures).
   */
  @Transactional
  public SearchStatus status() {
    if (Policy.reportsOnly(gatekeeper.caller())) {
      // Counts of documents by index state: not for a role that sees programme figures only.
      gatekeeper.enforceDecision(
          PolicyDecision.deny(
              "separation-of-duties", "ANALYST sees programme figures only, never a document."),
          Action.SEARCH,
          Target.searchIndex("status"),
          null,
          null);
    }
    var ocr = inspection.ocr();
    String live = " AND k.wrapped IS NOT NULL)";
    String current = "st.token_purpose = ? AND st.bidx_key_version = ?";
    String sql =
        "SELECT count(*),"
            + " count(*) FILTER (WHERE st.status = 'INDEXED' AND "
            + current
            + live
            + ","
            + " count(*) FILTER (WHERE st.status = 'INDEXED' AND NOT ("
            + current
            + ")"
            + live
            + ","
            + " count(*) FILTER (WHERE st.status = 'NOT_INDEXED'"
            + live
            + ","
            + " count(*) FILTER (WHERE st.status = 'FAILED'"
            + live
            + ","
            + " count(*) FILTER (WHERE st.version_id IS NULL AND ve.state IS DISTINCT FROM"
            + " 'PENDING'"
            + live
            + ", count(*) FILTER (WHERE k.wrapped IS NULL),"
            + " count(*) FILTER (WHERE st.version_id IS NULL AND ve.state = 'PENDING'"
            + live
            + " FROM document_version v JOIN document d"
            + " ON d.id = v.document_id AND d.destroyed_at IS NULL"
            + " JOIN data_key k ON k.owner_id = d.subject_id LEFT JOIN"
            + " search_index_state st ON st.version_id = v.id LEFT JOIN version_extraction ve ON"
            + " ve.version_id = v.id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int keyVersion = engine.primaryKeyVersion();
      ps.setString(1, BlindTokens.PURPOSE);
      ps.setInt(2, keyVersion);
      ps.setString(3, BlindTokens.PURPOSE);
      ps.setInt(4, keyVersion);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        IndexCounts counts =
            new IndexCounts(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8));
        return new SearchStatus(
            ocr.enabled(), ocr.languages(), BlindTokens.PURPOSE, keyVersion, counts);
      }
    } catch (SQLException e) {
      throw VaultException.unavailable("search-unavailable", "The search index is not available.");
    }
  }
}
