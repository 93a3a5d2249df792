package org.zhusan.vault.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What reports read of indicators: each person's value of a kind in force at a date. Not a decision
 * point: the report that calls it has decided and recorded its run; only values of the people asked
 * for are opened, in memory.
 */
@ApplicationScoped
public class ObservationQueries {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  /**
   * For each of {@code people} with an observation of {@code kind} on or before {@code date}: the
   * value of the latest one (by date observed, then by when recorded) that no later observation
   * corrects. A correction replaces what it corrects, whatever its own date.
   */
  public Map<UUID, String> valuesAt(IndicatorKind kind, LocalDate date, Set<UUID> people) {
    Map<UUID, String> out = new HashMap<>();
    if (people.isEmpty()) {
      return out;
    }
    var found =
        em.createQuery(
                "select o from Observation o where o.kind = :k and o.observedOn <= :d and not"
                    + " exists (select c.id from Observation c where c.corrects = o.id)"
                    + " order by o.subjectId, o.observedOn desc, o.recordedAt desc",
                Observation.class)
            .setParameter("k", kind)
            .setParameter("d", date)
            .getResultStream();
    try (found) {
      found.forEach(
          o -> {
            if (people.contains(o.subjectId()) && !out.containsKey(o.subjectId())) {
              out.put(o.subjectId(), o.value());
            }
          });
    }
    return out;
  }
}
