package org.zhusan.vault.centres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Centres as stored in PostgreSQL. */
@ApplicationScoped
public class CentreRepository {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  public Optional<Centre> find(String code) {
    return Optional.ofNullable(em.find(Centre.class, code));
  }

  public List<Centre> page(int offset, int limit) {
    return em.createQuery("select c from Centre c order by c.code", Centre.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(c) from Centre c", Long.class).getSingleResult();
  }
}
