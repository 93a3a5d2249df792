package org.zhusan.vault.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The life cycle of KEK versions in the database (the keys stay in the keystore): every version the
 * keystore holds is recorded ACTIVE; rotation retires old ones once no data key uses them.
 */
@ApplicationScoped
public class KekVersions {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VaultKeys vaultKeys;

  /** Records the keystore's versions that the database does not know yet. */
  @Transactional
  public void sync() {
    for (int v : vaultKeys.keyring().kekVersions()) {
      em.createNativeQuery(
              "INSERT INTO kek_version (version, state, first_seen) VALUES (?1, 'ACTIVE', now()) ON"
                  + " CONFLICT DO NOTHING")
          .setParameter(1, v)
          .executeUpdate();
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void countWrap(int version) {
    sync();
    em.createNativeQuery("UPDATE kek_version SET wraps = wraps + 1 WHERE version = ?1")
        .setParameter(1, version)
        .executeUpdate();
  }

  /**
   * Why a keystore with KEK versions {@code loaded} cannot serve this database, or null if it can:
   * live data keys are wrapped under a version it lacks (they could not be unwrapped, so the
   * subjects' records and documents could not be read). Names versions and counts only.
   */
  @Transactional
  public String missingFrom(Set<Integer> loaded) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kek_version, count(*) FROM data_key WHERE wrapped IS NOT NULL GROUP BY"
                    + " kek_version ORDER BY kek_version")
            .getResultList();
    String missing =
        rows.stream()
            .filter(r -> !loaded.contains(((Number) r[0]).intValue()))
            .map(r -> "kek-v" + r[0] + " (" + r[1] + " data keys)")
            .collect(Collectors.joining(", "));
    return missing.isEmpty()
        ? null
        : "the keystore lacks key-encryption key version(s) that live data keys are wrapped under: "
            + missing
            + "; put the key(s) back into the keystore (see docs/operations.md, key rotation)";
  }

  /** Live data keys wrapped under each version. */
  @Transactional
  public List<Object[]> usage() {
    sync();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT k.version, k.state, k.wraps, count(d.owner_id) FROM kek_version k "
                    + "LEFT JOIN data_key d ON d.kek_version = k.version AND d.wrapped IS NOT NULL "
                    + "GROUP BY k.version, k.state, k.wraps ORDER BY k.version")
            .getResultList();
    return rows;
  }

  /**
   * Marks a version retired; refused while any live data key still uses it, or if it is primary.
   */
  @Transactional
  public void retire(int version) {
    if (version == vaultKeys.keyring().primaryKekVersion()) {
      throw VaultException.conflict(
          "kek-primary", "KEK v" + version + " is the primary version and cannot be retired.");
    }
    Number inUse =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM data_key WHERE kek_version = ?1 AND wrapped IS NOT NULL")
                .setParameter(1, version)
                .getSingleResult();
    if (inUse.longValue() > 0) {
      throw VaultException.conflict(
          "kek-in-use", "KEK v" + version + " still wraps " + inUse + " data keys; rotate first.");
    }
    int n =
        em.createNativeQuery(
                "UPDATE kek_version SET state = 'RETIRED', retired_at = now() WHERE version = ?1"
                    + " AND state = 'ACTIVE'")
            .setParameter(1, version)
            .executeUpdate();
    if (n == 0) {
      throw VaultException.notFound("Active KEK v" + version);
    }
  }
}
