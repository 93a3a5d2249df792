package org.zhusan.vault.disclosure.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One disclosure in an accounting of disclosures.
 *
 * @param when when it was made
 * @param recipientKind COURT, GUARDIAN, SCHOOL, EMBASSY or OTHER
 * @param recipientName the recipient's name
 * @param purpose why
 * @param legalBasis on what authority
 * @param madeBy who made it
 * @param documents what left, one line each: {@code "TYPE: title (v n)"}
 */
public record AccountingLine(
    Instant when,
    String recipientKind,
    String recipientName,
    String purpose,
    String legalBasis,
    String madeBy,
    List<String> documents) {

  /** Validates and copies. */
  public AccountingLine {
    Objects.requireNonNull(when, "when is required.");
    Objects.requireNonNull(recipientKind, "recipientKind is required.");
    Objects.requireNonNull(recipientName, "recipientName is required.");
    Objects.requireNonNull(purpose, "purpose is required.");
    Objects.requireNonNull(legalBasis, "legalBasis is required.");
    Objects.requireNonNull(madeBy, "madeBy is required.");
    documents = List.copyOf(documents);
  }
}
