package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.records.RecordsViews.ScanView;

/**
 * Finds documents whose retention ended and puts those not on legal hold in the disposition queue;
 * destroys nothing. One query reads every live document with the dates its clock may start from
 * (creation, the person's programme closure, their latest case closure), whether a hold covers it,
 * whether it is already queued and until when it was last extended; the schedule is applied in
 * Java. Runs on the caller's transaction, serialised by an advisory lock so two scans (two
 * instances, or the timer and an administrator) never queue a document twice.
 */
@ApplicationScoped
public class DispositionScan {
  private static final Logger LOG = Logger.getLogger(DispositionScan.class.getName());

  /** Arbitrary constant naming the scan's advisory lock. */
  private static final long LOCK = 0x7a68_7573_616e_0018L;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject SubjectKeys keys;

  ScanView run(RetentionSchedule schedule) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT d.id, d.subject_id, d.doc_type, d.created_at, s.centre_code,"
                    + " CASE WHEN s.programme_stage = 'CLOSED' THEN (SELECT max(t.effective_on)"
                    + " FROM stage_transition t WHERE t.subject_id = s.id AND t.to_stage ="
                    + " 'CLOSED') END,"
                    + " (SELECT max(e.occurred_on) FROM subject_event e WHERE e.subject_id = s.id"
                    + " AND e.kind = 'CASE_CLOSED'),"
                    + " EXISTS (SELECT 1 FROM legal_hold h WHERE h.subject_id = s.id AND"
                    + " h.released_at IS NULL AND (h.document_id IS NULL OR h.document_id ="
                    + " d.id)),"
                    + " EXISTS (SELECT 1 FROM disposition x WHERE x.document_id = d.id AND x.state"
                    + " IN ('ELIGIBLE', 'PROPOSED')),"
                    + " (SELECT max(x.extended_until) FROM disposition x WHERE x.document_id ="
                    + " d.id AND x.state = 'EXTENDED')"
                    + " FROM document d JOIN subject s ON s.id = d.subject_id"
                    + " JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS NOT NULL"
                    + " WHERE d.destroyed_at IS NULL ORDER BY d.created_at, d.id")
            .getResultList();
    int queued = 0;
    int onHold = 0;
    int already = 0;
    for (Object[] r : rows) {
      RetentionRule rule = schedule.rule(DocumentType.valueOf((String) r[2]));
      LocalDate start =
          switch (rule.event()) {
            case DOCUMENT_CREATED -> instant(r[3]).atZone(ZoneOffset.UTC).toLocalDate();
            case PROGRAMME_CLOSED -> date(r[5]);
            case CASE_CLOSED -> date(r[6]);
          };
      if (start == null) {
        continue; // the clock has not started
      }
      LocalDate due = rule.dueOn(start);
      LocalDate extendedUntil = date(r[9]);
      if (extendedUntil != null && extendedUntil.isAfter(due)) {
        due = extendedUntil;
      }
      if (due.isAfter(today)) {
        continue;
      }
      if (Boolean.TRUE.equals(r[8])) {
        already++;
      } else if (Boolean.TRUE.equals(r[7])) {
        onHold++;
      } else {
        em.persist(new Disposition((UUID) r[0], (UUID) r[1], (String) r[4], rule, start));
        queued++;
      }
    }
    int reconciled = destroyLeftoverShares();
    LOG.info(
        "Disposition scan: "
            + queued
            + " queued, "
            + onHold
            + " due but on legal hold, "
            + already
            + " already queued"
            + (reconciled > 0 ? ", " + reconciled + " leftover document keys destroyed" : ""));
    return new ScanView(queued, onHold, already);
  }

  /**
   * A destroyed document's key share is deleted right after the destruction commits; should the
   * vault have stopped in between, it is deleted here.
   */
  int destroyLeftoverShares() {
    @SuppressWarnings("unchecked")
    List<UUID> destroyed =
        em.createNativeQuery(
                "SELECT id FROM document WHERE destroyed_at IS NOT NULL AND key_scheme ="
                    + " 'DOCUMENT'")
            .getResultList();
    int n = 0;
    for (UUID id : destroyed) {
      if (keys.destroyDocumentKey(id)) {
        LOG.warning("Destroyed the leftover key share of destroyed document " + id);
        n++;
      }
    }
    return n;
  }

  /** Drivers and Hibernate versions differ in what a native query returns for timestamptz. */
  private static java.time.Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    return (java.time.Instant) o;
  }

  private static LocalDate date(Object o) {
    return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
  }
}
