package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * What other capabilities may ask about a subject without opening it: does it exist, which centre.
 */
@ApplicationScoped
public class SubjectLookup {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  public Optional<String> centreOf(UUID subjectId) {
    return em.createQuery("select s.centre from Subject s where s.id = :id", String.class)
        .setParameter("id", subjectId)
        .getResultStream()
        .findFirst();
  }
}
