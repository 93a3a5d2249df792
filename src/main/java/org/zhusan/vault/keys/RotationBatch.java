package org.zhusan.vault.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.crypto.DataKeyWrapper;
import org.zhusan.vault.crypto.WrappedKey;

/**
 * One batch of a KEK rotation, in its own transaction: rewraps up to {@code size} live data keys
 * still wrapped under an older KEK. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances (or a restarted run) can share the work and nothing is rewrapped twice. Content
 * is never re-encrypted: the data key itself does not change.
 */
@ApplicationScoped
public class RotationBatch {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VaultKeys vaultKeys;
  @Inject KekVersions kekVersions;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int rewrapNext(int targetVersion, int size) {
    @SuppressWarnings("unchecked")
    List<UUID> owners =
        em.createNativeQuery(
                "SELECT owner_id FROM data_key WHERE wrapped IS NOT NULL AND kek_version <> ?1 "
                    + "ORDER BY owner_id LIMIT ?2 FOR UPDATE SKIP LOCKED",
                UUID.class)
            .setParameter(1, targetVersion)
            .setParameter(2, size)
            .getResultList();
    DataKeyWrapper wrapper = vaultKeys.subjectKeyWrapper();
    Instant now = Instant.now();
    for (UUID owner : owners) {
      DataKeyRecord record = em.find(DataKeyRecord.class, owner);
      WrappedKey current = record.wrappedKey().orElseThrow();
      try {
        WrappedKey rewrapped = wrapper.rewrap(current, owner.toString());
        record.rewrap(rewrapped, now);
        kekVersions.countWrap(rewrapped.kekVersion());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("data key of " + owner + " failed to rewrap", e);
      }
    }
    return owners.size();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long remaining(int targetVersion) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM data_key WHERE wrapped IS NOT NULL AND kek_version <> ?1")
                .setParameter(1, targetVersion)
                .getSingleResult())
        .longValue();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long begin(int target, String actor) {
    em.createNativeQuery(
            "UPDATE key_rotation SET state = 'FAILED', finished_at = now() WHERE state = 'RUNNING'")
        .executeUpdate();
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO key_rotation (target_version, started_at, started_by, state)"
                        + " VALUES (?1, now(), ?2, 'RUNNING') RETURNING id")
                .setParameter(1, target)
                .setParameter(2, actor)
                .getSingleResult())
        .longValue();
  }

  /** Records progress; a non-null state also ends the run. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void progress(long id, long rewrapped, String state) {
    if (state == null) {
      em.createNativeQuery("UPDATE key_rotation SET rewrapped = ?1 WHERE id = ?2")
          .setParameter(1, rewrapped)
          .setParameter(2, id)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "UPDATE key_rotation SET rewrapped = ?1, state = ?2, finished_at = now() WHERE id ="
                  + " ?3")
          .setParameter(1, rewrapped)
          .setParameter(2, state)
          .setParameter(3, id)
          .executeUpdate();
    }
  }
}
