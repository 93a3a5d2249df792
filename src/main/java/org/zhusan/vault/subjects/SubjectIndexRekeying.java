package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.Normalizer;
import org.zhusan.vault.keys.VaultKeys;
import org.zhusan.vault.platform.problem.VaultException;

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
  private static final Logger LOG = Logger.getLogger(SubjectIndexRekeying.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VaultKeys vaultKeys;
  @Inject SubjectIndexes indexes;

  /**
   * What one batch did.
   *
   * @param claimed subjects it took (0: none left after {@code after})
   * @param rekeyed of which re-keyed
   * @param failed of which could not be re-keyed (their values failed to decrypt: the integrity
   *     failure is logged with the subject id; they stay under their old key version)
   * @param last the highest subject id taken; the next batch starts after it
   */
  public record Batch(int claimed, int rekeyed, int failed, UUID last) {}

  /**
   * Re-keys the next batch under {@code targetVersion}: live subjects with ids above {@code after},
   * in id order, so a subject that cannot be re-keyed is passed over instead of being taken again.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Batch rekeyNext(int targetVersion, int size, UUID after) {
    Keyring keyring = vaultKeys.keyring();
    if (!keyring.hasBlindIndexVersion(targetVersion)) {
      throw new IllegalStateException(
          "blind-index key v" + targetVersion + " is no longer in the keystore");
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT s.id FROM subject s JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS"
                    + " NOT NULL WHERE s.bidx_key_version <> ?1 AND s.id > ?3 ORDER BY s.id LIMIT"
                    + " ?2 FOR UPDATE OF s, k SKIP LOCKED",
                UUID.class)
            .setParameter(1, targetVersion)
            .setParameter(2, size)
            .setParameter(3, after)
            .getResultList();
    int failed = 0;
    for (UUID id : ids) {
      Subject s = em.find(Subject.class, id);
      try {
        String iin = s.iin().map(Normalizer::iin).orElse(null);
        s.rekeyIndexes(indexes.under(keyring, targetVersion, s.fullName(), iin));
      } catch (VaultException e) { // an integrity failure opening the name or IIN (logged there)
        failed++;
        LOG.warning(
            "Blind-index rotation: subject "
                + id
                + " could not be re-keyed ("
                + e.problem().type()
                + "); its indexes stay under their old key version");
      }
    }
    em.flush();
    return new Batch(
        ids.size(), ids.size() - failed, failed, ids.isEmpty() ? after : ids.get(ids.size() - 1));
  }

  /** Live subjects whose indexes are not yet under {@code targetVersion}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long remaining(int targetVersion) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM subject s JOIN data_key k ON k.owner_id = s.id AND"
                        + " k.wrapped IS NOT NULL WHERE s.bidx_key_version <> ?1")
                .setParameter(1, targetVersion)
                .getSingleResult())
        .longValue();
  }
}
