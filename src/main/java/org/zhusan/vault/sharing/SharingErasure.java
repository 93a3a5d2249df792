package org.zhusan.vault.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.documents.DocumentErasure;

/**
 * A destroyed document's grants and break-glass sessions go with it (the access log keeps who was
 * granted or opened what, by id).
 */
@ApplicationScoped
public class SharingErasure implements DocumentErasure {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Override
  public void erase(UUID documentId, List<UUID> versionIds) {
    em.createNativeQuery("DELETE FROM document_grant WHERE document_id = :d")
        .setParameter("d", documentId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM break_glass WHERE document_id = :d")
        .setParameter("d", documentId)
        .executeUpdate();
  }
}
