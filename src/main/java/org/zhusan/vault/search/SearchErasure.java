package org.zhusan.vault.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.documents.DocumentErasure;

/** A destroyed document's search tokens and index state go with it. */
@ApplicationScoped
public class SearchErasure implements DocumentErasure {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Override
  public void erase(UUID documentId, List<UUID> versionIds) {
    if (versionIds.isEmpty()) {
      return;
    }
    em.createNativeQuery("DELETE FROM search_token WHERE version_id IN (:v)")
        .setParameter("v", versionIds)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM search_index_state WHERE version_id IN (:v)")
        .setParameter("v", versionIds)
        .executeUpdate();
  }
}
