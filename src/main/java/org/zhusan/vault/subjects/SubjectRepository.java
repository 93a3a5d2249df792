package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subjects in PostgreSQL; lookups by blind index only (never by plaintext). */
@ApplicationScoped
public class SubjectRepository {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  public Optional<Subject> find(UUID id) {
    return Optional.ofNullable(em.find(Subject.class, id));
  }

  public void store(Subject subject) {
    em.persist(subject);
  }

  public void store(StageTransition transition) {
    em.persist(transition);
  }

  public List<Subject> byCentre(String centre, int offset, int limit) {
    return em.createQuery("select s from Subject s where s.centre = :c order by s.createdAt, s.id", Subject.class)
        .setParameter("c", centre)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countByCentre(String centre) {
    return em.createQuery("select count(s) from Subject s where s.centre = :c", Long.class).setParameter("c", centre).getSingleResult();
  }

  public List<Subject> byIinIndex(byte[] index) {
    return em.createQuery("select s from Subject s where s.iinIndex = :i order by s.createdAt", Subject.class)
        .setParameter("i", index).getResultList();
  }

  public List<Subject> byNameIndex(byte[] index) {
    return em.createQuery("select s from Subject s where s.fullNameIndex = :i order by s.createdAt", Subject.class)
        .setParameter("i", index).getResultList();
  }

  public List<StageTransition> transitions(UUID subjectId) {
    return em.createQuery("select t from StageTransition t where t.subjectId = :s order by t.id", StageTransition.class)
        .setParameter("s", subjectId).getResultList();
  }

  public List<Subject> children(UUID guardianId) {
    return em.createQuery("select s from Subject s where s.guardianId = :g order by s.createdAt", Subject.class)
        .setParameter("g", guardianId).getResultList();
  }
}
