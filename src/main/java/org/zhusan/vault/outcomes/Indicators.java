package org.zhusan.vault.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.documents.DocumentExports;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.BodyFields;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Recording and listing a person's indicator observations. Every step is in the access log: the
 * decision with the outcomes file's rule, on the person (the entry names the person, never the
 * value).
 */
@ApplicationScoped
@AuditedService
public class Indicators {
  /** No programme record predates this; an earlier date is a typing mistake. */
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject OutcomesPolicy policy;
  @Inject SubjectLookup subjects;
  @Inject DocumentExports documents;

  /** The kinds, their values, and what the caller may do with each. */
  public IndicatorViews.KindList kinds() {
    var user = gatekeeper.caller();
    Set<IndicatorKind> read = policy.readable(user);
    Set<IndicatorKind> record = policy.recordable(user);
    return new IndicatorViews.KindList(
        java.util.Arrays.stream(IndicatorKind.values())
            .map(
                k ->
                    new IndicatorViews.KindView(
                        k.name(), k.allowedValues(), record.contains(k), read.contains(k)))
            .toList());
  }

  @Transactional
  public IndicatorViews.ObservationView record(
      UUID subjectId, IndicatorViews.RecordRequest request) {
    String centre = centreOrRecord(subjectId, Action.INDICATOR_RECORD);
    if (request == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    IndicatorKind kind =
        IndicatorKind.parse(request.kind() == null ? "" : request.kind().strip())
            .orElseThrow(
                () ->
                    VaultException.badRequest(
                        "invalid-indicator",
                        "kind must be one of the indicator kinds (GET /api/indicators)."));
    gatekeeper.enforceDecision(
        policy.record(gatekeeper.caller(), kind, centre),
        Action.INDICATOR_RECORD,
        Target.subject(subjectId),
        centre,
        null);
    String value = request.value() == null ? "" : request.value().strip();
    if (!kind.accepts(value)) {
      throw VaultException.badRequest(
          "invalid-indicator",
          "value must be one of " + String.join(", ", kind.allowedValues()) + ".");
    }
    LocalDate observedOn = observedOn(request.observedOn());
    UUID documentId = null;
    if (request.documentId() != null && !request.documentId().isBlank()) {
      documentId = BodyFields.uuid(request.documentId(), "documentId");
      Document d = documents.find(documentId).orElse(null);
      if (d == null || !d.subjectId().equals(subjectId) || d.destroyed()) {
        throw VaultException.badRequest(
            "invalid-document", "documentId must be a document of this person.");
      }
    }
    UUID corrects = null;
    if (request.corrects() != null && !request.corrects().isBlank()) {
      corrects = BodyFields.uuid(request.corrects(), "corrects");
      Observation earlier = em.find(Observation.class, corrects);
      if (earlier == null || !earlier.subjectId().equals(subjectId) || earlier.kind() != kind) {
        throw VaultException.badRequest(
            "invalid-corrects",
            "corrects must name an earlier observation of this kind on this" + " person.");
      }
      if (correctedBy(List.of(corrects)).containsKey(corrects)) {
        throw VaultException.conflict(
            "already-corrected", "That observation was already corrected; correct the correction.");
      }
    }
    Observation o =
        new Observation(
            subjectId, kind, value, observedOn, documentId, corrects, gatekeeper.caller().userId());
    em.persist(o);
    em.flush(); // the unique 'corrects' constraint answers here, as a 409, not at commit
    return IndicatorViews.ObservationView.of(o, null);
  }

  /** The person's observations of the kinds the caller reads, newest first. */
  @Transactional
  public IndicatorViews.ObservationList list(UUID subjectId) {
    String centre = centreOrRecord(subjectId, Action.INDICATOR_READ);
    var user = gatekeeper.caller();
    gatekeeper.enforceDecision(
        policy.read(user, centre), Action.INDICATOR_READ, Target.subject(subjectId), centre, null);
    Set<IndicatorKind> kinds = policy.readable(user);
    List<Observation> found =
        em.createQuery(
                "select o from Observation o where o.subjectId = :s and o.kind in :k"
                    + " order by o.observedOn desc, o.recordedAt desc",
                Observation.class)
            .setParameter("s", subjectId)
            .setParameter("k", kinds)
            .getResultList();
    Map<UUID, UUID> corrected = correctedBy(found.stream().map(Observation::id).toList());
    return new IndicatorViews.ObservationList(
        found.stream()
            .map(
                o ->
                    IndicatorViews.ObservationView.of(
                        o, corrected.containsKey(o.id()) ? corrected.get(o.id()).toString() : null))
            .toList());
  }

  /** For each of {@code ids} that a later observation corrects: that observation's id. */
  private Map<UUID, UUID> correctedBy(List<UUID> ids) {
    Map<UUID, UUID> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object[] row :
        em.createQuery(
                "select o.corrects, o.id from Observation o where o.corrects in :ids",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      out.put((UUID) row[0], (UUID) row[1]);
    }
    return out;
  }

  private LocalDate observedOn(String raw) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (raw == null || raw.isBlank()) {
      return today;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest("invalid-date", "observedOn must be a date (yyyy-MM-dd).");
    }
    if (d.isAfter(today) || d.isBefore(EARLIEST)) {
      throw VaultException.badRequest(
          "invalid-date", "observedOn must be a past date, not before " + EARLIEST + ".");
    }
    return d;
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
