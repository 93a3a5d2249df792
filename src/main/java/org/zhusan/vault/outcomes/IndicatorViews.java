package org.zhusan.vault.outcomes;

import java.util.List;

/** The JSON shapes of indicators (absent fields are omitted). */
public final class IndicatorViews {
  private IndicatorViews() {}

  /** A kind, its values, and what the caller may do with it. */
  public record KindView(String kind, List<String> values, boolean mayRecord, boolean mayRead) {}

  public record KindList(List<KindView> items) {}

  /** {@code POST /api/subjects/{id}/indicators}. */
  public record RecordRequest(
      String kind, String value, String observedOn, String documentId, String corrects) {}

  public record ObservationView(
      String id,
      String kind,
      String value,
      String observedOn,
      String documentId,
      String recordedBy,
      String recordedAt,
      String corrects,
      String correctedBy) {
    static ObservationView of(Observation o, String correctedBy) {
      return new ObservationView(
          o.id().toString(),
          o.kind().name(),
          o.value(),
          o.observedOn().toString(),
          o.documentId().map(Object::toString).orElse(null),
          o.recordedBy(),
          o.recordedAt().toString(),
          o.corrects().map(Object::toString).orElse(null),
          correctedBy);
    }
  }

  public record ObservationList(List<ObservationView> items) {}
}
