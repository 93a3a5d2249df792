package org.zhusan.vault.records;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.zhusan.vault.documents.content.DocumentType;

/**
 * One line of the retention schedule: documents of a type are kept {@code period} after {@code
 * event}.
 */
public record RetentionRule(
    DocumentType documentType, RetentionEvent event, Period period, DispositionAction action) {
  public RetentionRule {
    Objects.requireNonNull(documentType, "documentType is required.");
    Objects.requireNonNull(event, "event is required.");
    Objects.requireNonNull(period, "period is required.");
    Objects.requireNonNull(action, "action is required.");
  }

  /** The day the retention of a record whose clock started on {@code start} ends. */
  public LocalDate dueOn(LocalDate start) {
    return start.plus(period);
  }
}
