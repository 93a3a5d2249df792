package org.zhusan.vault.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rows depend on which blind-index key version (the keys stay in the keystore; rows record
 * {@code bidx_key_version}): what an operator needs to know before removing an old version, and
 * what start-up checks the keystore against.
 */
@ApplicationScoped
public class BlindIndexUsage {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  /**
   * Rows under one blind-index key version.
   *
   * @param version the key version ({@code blind-index-vN})
   * @param subjects live subjects whose name/IIN indexes are under it (lookups need the key)
   * @param indexedVersions indexed document versions of live subjects whose tokens are under it
   *     (search needs the key)
   * @param recordedQueries recorded searches whose text is encrypted under it (immutable, never
   *     re-encrypted: removing the key makes their words unreadable to auditors)
   * @param shreddedSubjects crypto-shredded subjects whose (unused) indexes are under it: they
   *     cannot be re-keyed, and nothing needs the key for them
   */
  public record VersionUsage(
      int version,
      long subjects,
      long indexedVersions,
      long recordedQueries,
      long shreddedSubjects) {
    /** Whether lookups or searches still need this key version. */
    public boolean needed() {
      return subjects > 0 || indexedVersions > 0;
    }
  }

  /** Usage per key version present in the database, ascending. */
  @Transactional
  public List<VersionUsage> usage() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT v, sum(live), sum(indexed), sum(queries), sum(shredded) FROM ( SELECT"
                    + " s.bidx_key_version AS v, count(*) FILTER (WHERE k.wrapped IS NOT NULL) AS"
                    + " live, 0 AS indexed,  0 AS queries, count(*) FILTER (WHERE k.wrapped IS"
                    + " NULL) AS shredded  FROM subject s JOIN data_key k ON k.owner_id = s.id"
                    + " GROUP BY s.bidx_key_version UNION ALL SELECT st.bidx_key_version, 0,"
                    + " count(*), 0, 0 FROM search_index_state st  JOIN document_version dv ON"
                    + " dv.id = st.version_id JOIN document d ON d.id = dv.document_id  JOIN"
                    + " data_key k ON k.owner_id = d.subject_id  WHERE st.status = 'INDEXED' AND"
                    + " k.wrapped IS NOT NULL GROUP BY st.bidx_key_version UNION ALL SELECT"
                    + " bidx_key_version, 0, 0, count(*), 0 FROM search_query GROUP BY"
                    + " bidx_key_version) AS u GROUP BY v ORDER BY v")
            .getResultList();
    List<VersionUsage> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new VersionUsage(
              ((Number) r[0]).intValue(),
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue()));
    }
    return out;
  }

  /**
   * Why a keystore with blind-index versions {@code loaded} cannot serve this database, or null if
   * it can: some live rows depend on a version it lacks. Names versions and counts only.
   */
  public String missingFrom(Set<Integer> loaded) {
    List<VersionUsage> missing =
        usage().stream().filter(u -> u.needed() && !loaded.contains(u.version())).toList();
    if (missing.isEmpty()) {
      return null;
    }
    return "the keystore lacks blind-index key version(s) the data still depends on: "
        + missing.stream()
            .map(
                u ->
                    "blind-index-v"
                        + u.version()
                        + " ("
                        + u.subjects()
                        + " subjects, "
                        + u.indexedVersions()
                        + " indexed document versions)")
            .collect(Collectors.joining(", "))
        + "; put the key(s) back into the keystore (see docs/operations.md, blind-index key"
        + " rotation)";
  }
}
