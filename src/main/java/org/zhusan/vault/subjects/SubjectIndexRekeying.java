package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.Normalizer;
import org.zhusan.vault.keys.VaultKeys;

/**
 * One batch of a blind-index key rotation for subjects, in its own transaction: recomputes the name
 * and IIN indexes of up to {@code size} live subjects still under another key version, from their
 * values decrypted in memory with each subject's data key (the ciphertexts do not change). Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} — the subject and its data key, so a concurrent
 * shredding waits for the batch — so a restarted run or a second instance never does one twice.
 * Crypto-shredded subjects are left alone: their values cannot be decrypted any more, and no lookup
 * consults their indexes (lookups drop shredded subjects).
 */
@ApplicationScoped
public class SubjectIndexRekeying {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VaultKeys vaultKeys;
  @Inject SubjectIndexes indexes;

  /** Re-keys the next batch under {@code targetVersion}; returns how many subjects it did (0: none left). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int rekeyNext(int targetVersion, int size) {
    Keyring keyring = vaultKeys.keyring();
    if (!keyring.hasBlindIndexVersion(targetVersion)) {
      throw new IllegalStateException("blind-index key v" + targetVersion + " is no longer in the keystore");
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids = em.createNativeQuery(
            "SELECT s.id FROM subject s JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS NOT NULL"
                + " WHERE s.bidx_key_version <> ?1 ORDER BY s.id LIMIT ?2 FOR UPDATE OF s, k SKIP LOCKED", UUID.class)
        .setParameter(1, targetVersion)
        .setParameter(2, size)
        .getResultList();
    for (UUID id : ids) {
      Subject s = em.find(Subject.class, id);
      String iin = s.iin().map(Normalizer::iin).orElse(null);
      s.rekeyIndexes(indexes.under(keyring, targetVersion, s.fullName(), iin));
    }
    em.flush();
    return ids.size();
  }

  /** Live subjects whose indexes are not yet under {@code targetVersion}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long remaining(int targetVersion) {
    return ((Number) em.createNativeQuery(
            "SELECT count(*) FROM subject s JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS NOT NULL"
                + " WHERE s.bidx_key_version <> ?1")
        .setParameter(1, targetVersion).getSingleResult()).longValue();
  }
}
