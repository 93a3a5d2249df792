package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.SubjectOperation;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.records.RecordsViews.EventRequest;
import org.zhusan.vault.records.RecordsViews.EventView;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Dated events on a person that start retention clocks (their court case closed). Recorded by those
 * who may update the person (the access policy's subject write), read by those who may see the
 * person's record; both audited.
 */
@ApplicationScoped
@AuditedService
public class SubjectEvents {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject AccessPolicy accessPolicy;
  @Inject SubjectLookup subjects;

  @Transactional
  public EventView record(UUID subjectId, EventRequest request) {
    String centre = centreOrRecord(subjectId, Action.RECORD_EVENT);
    if (request == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    SubjectEvent.Kind kind;
    try {
      kind = SubjectEvent.Kind.valueOf(request.kind() == null ? "" : request.kind().strip());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-kind", "kind must be CASE_CLOSED.");
    }
    LocalDate on;
    try {
      on = LocalDate.parse(request.occurredOn() == null ? "" : request.occurredOn().strip());
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest(
          "invalid-occurredOn", "occurredOn must be a date (yyyy-MM-dd).");
    }
    if (on.isAfter(LocalDate.now(ZoneOffset.UTC))) {
      throw VaultException.badRequest(
          "invalid-occurredOn", "occurredOn must not be in the future.");
    }
    gatekeeper.enforceDecision(
        accessPolicy.decideSubject(gatekeeper.caller(), centre, SubjectOperation.WRITE),
        Action.RECORD_EVENT,
        Target.subject(subjectId),
        centre,
        null);
    SubjectEvent event = new SubjectEvent(subjectId, kind, on, gatekeeper.caller().userId());
    em.persist(event);
    em.flush();
    return EventView.of(event);
  }

  @Transactional
  public List<EventView> list(UUID subjectId) {
    String centre = centreOrRecord(subjectId, Action.SUBJECT_READ);
    gatekeeper.require(Action.SUBJECT_READ, Target.subject(subjectId), centre);
    return em
        .createQuery(
            "select e from SubjectEvent e where e.subjectId = :s order by e.occurredOn, e.id",
            SubjectEvent.class)
        .setParameter("s", subjectId)
        .getResultList()
        .stream()
        .map(EventView::of)
        .toList();
  }

  private String centreOrRecord(UUID subjectId, Action action) {
    return subjects
        .centreOf(subjectId)
        .orElseGet(
            () -> {
              gatekeeper.recordNotFound(action, Target.subject(subjectId));
              throw VaultException.notFound("The subject");
            });
  }
}
