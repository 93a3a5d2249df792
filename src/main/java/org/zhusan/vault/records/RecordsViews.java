package org.zhusan.vault.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the records governance API. */
public final class RecordsViews {
  private RecordsViews() {}

  public record RuleView(String documentType, String event, String period, String action) {
    static RuleView of(RetentionRule r) {
      return new RuleView(
          r.documentType().name(), r.event().name(), r.period().toString(), r.action().name());
    }
  }

  public record ScheduleView(
      List<RuleView> rules,
      List<String> holdRoles,
      List<String> proposeRoles,
      List<String> approveRoles) {}

  public record EventRequest(String kind, String occurredOn) {}

  public record EventView(
      Long id, String kind, LocalDate occurredOn, String recordedBy, Instant recordedAt) {
    static EventView of(SubjectEvent e) {
      return new EventView(e.id(), e.kind().name(), e.occurredOn(), e.recordedBy(), e.recordedAt());
    }
  }

  public record HoldRequest(String reason, String caseReference, String documentId) {}

  public record ReleaseRequest(String reason) {}

  /**
   * A hold; {@code reason}, {@code caseReference} and {@code releaseReason} are null for ADMIN and
   * AUDITOR.
   */
  public record HoldView(
      UUID id,
      UUID subjectId,
      UUID documentId,
      String centre,
      String reason,
      String caseReference,
      String placedBy,
      Instant placedAt,
      boolean active,
      String releasedBy,
      Instant releasedAt,
      String releaseReason) {
    static HoldView of(LegalHold h, boolean withReasons) {
      return new HoldView(
          h.id(),
          h.subjectId(),
          h.documentId().orElse(null),
          h.centre(),
          withReasons ? h.reason() : null,
          withReasons ? h.caseReference() : null,
          h.placedBy(),
          h.placedAt(),
          h.active(),
          h.releasedBy().orElse(null),
          h.releasedAt().orElse(null),
          withReasons ? h.releaseReason().orElse(null) : null);
    }
  }

  public record ScanView(int queued, int onHold, int alreadyQueued) {}

  public record ProposeRequest(String reason) {}

  public record ApproveRequest() {}

  public record ExtendRequest(String until, String reason) {}

  /** A queue item; never a title or content. Reasons are shown to those who may decide on it. */
  public record DispositionView(
      UUID id,
      UUID documentId,
      UUID subjectId,
      String centre,
      String documentType,
      RuleView rule,
      LocalDate retentionStart,
      LocalDate dueOn,
      String state,
      Instant foundAt,
      String proposedBy,
      Instant proposedAt,
      String proposalReason,
      String approvedBy,
      Instant approvedAt,
      String extendedBy,
      LocalDate extendedUntil,
      String extensionReason,
      UUID certificateId,
      List<UUID> blockingHolds) {
    static DispositionView of(Disposition d, boolean withReasons, List<UUID> holds) {
      return new DispositionView(
          d.id(),
          d.documentId(),
          d.subjectId(),
          d.centre(),
          d.rule().documentType().name(),
          RuleView.of(d.rule()),
          d.retentionStart(),
          d.dueOn(),
          d.state().name(),
          d.foundAt(),
          d.proposedBy().orElse(null),
          d.proposedAt().orElse(null),
          withReasons ? d.proposalReason().orElse(null) : null,
          d.approvedBy().orElse(null),
          d.approvedAt().orElse(null),
          d.extendedBy().orElse(null),
          d.extendedUntil().orElse(null),
          withReasons ? d.extensionReason().orElse(null) : null,
          d.certificateId().orElse(null),
          holds);
    }
  }
}
