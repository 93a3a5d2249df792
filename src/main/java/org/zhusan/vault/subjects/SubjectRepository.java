package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
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
    return em.createQuery(
            "select s from Subject s where s.centre = :c order by s.createdAt, s.id", Subject.class)
        .setParameter("c", centre)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countByCentre(String centre) {
    return em.createQuery("select count(s) from Subject s where s.centre = :c", Long.class)
        .setParameter("c", centre)
        .getSingleResult();
  }

  /** Subjects of a centre in one programme stage, oldest first (the web app's stage filter). */
  public List<Subject> byCentreAndStage(
      String centre, ProgrammeStage stage, int offset, int limit) {
    return em.createQuery(
            "select s from Subject s where s.centre = :c and s.stage = :st order by s.createdAt,"
                + " s.id",
            Subject.class)
        .setParameter("c", centre)
        .setParameter("st", stage)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countByCentreAndStage(String centre, ProgrammeStage stage) {
    return em.createQuery(
            "select count(s) from Subject s where s.centre = :c and s.stage = :st", Long.class)
        .setParameter("c", centre)
        .setParameter("st", stage)
        .getSingleResult();
  }

  /**
   * Subjects whose IIN index equals the index under their own key version (key version → index).
   */
  public List<Subject> byIinIndex(Map<Integer, byte[]> indexByKeyVersion) {
    return byIndex("iinIndex", indexByKeyVersion);
  }

  /**
   * Subjects whose name index equals the index under their own key version (key version → index).
   */
  public List<Subject> byNameIndex(Map<Integer, byte[]> indexByKeyVersion) {
    return byIndex("fullNameIndex", indexByKeyVersion);
  }

  /**
   * One disjunct per key version, {@code (key version = v AND index = index_v)}: a row is compared
   * only with the index under its own key, so during a rotation a value indexed under v1 can never
   * be confused with another value's v2 index. Uses the index on the index column (bitmap OR).
   */
  private List<Subject> byIndex(String attribute, Map<Integer, byte[]> indexByKeyVersion) {
    if (indexByKeyVersion.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    int n = 0;
    for (int ignored : indexByKeyVersion.keySet()) {
      where
          .append(n == 0 ? "" : " or ")
          .append("(s.indexKeyVersion = :v")
          .append(n)
          .append(" and s.")
          .append(attribute)
          .append(" = :i")
          .append(n)
          .append(')');
      n++;
    }
    TypedQuery<Subject> q =
        em.createQuery(
            "select s from Subject s where " + where + " order by s.createdAt", Subject.class);
    n = 0;
    for (Map.Entry<Integer, byte[]> e : indexByKeyVersion.entrySet()) {
      q.setParameter("v" + n, e.getKey()).setParameter("i" + n, e.getValue());
      n++;
    }
    return q.getResultList();
  }

  public List<StageTransition> transitions(UUID subjectId) {
    return em.createQuery(
            "select t from StageTransition t where t.subjectId = :s order by t.id",
            StageTransition.class)
        .setParameter("s", subjectId)
        .getResultList();
  }

  public List<Subject> children(UUID guardianId) {
    return em.createQuery(
            "select s from Subject s where s.guardianId = :g order by s.createdAt", Subject.class)
        .setParameter("g", guardianId)
        .getResultList();
  }
}
