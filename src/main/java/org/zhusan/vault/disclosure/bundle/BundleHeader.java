package org.zhusan.vault.disclosure.bundle;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who receives a disclosure and why, for the cover page and the manifest.
 *
 * @param disclosureId the disclosure's id (the server's record of it)
 * @param madeAt when it was made
 * @param madeBy who made it (user name)
 * @param recipientKind one of {@link #RECIPIENT_KINDS}
 * @param recipientName the recipient's name, e.g. the court
 * @param purpose why the documents are disclosed
 * @param legalBasis the authority, e.g. {@code "court order 2-77/2026"}, {@code "consent <uuid>"}
 *     or {@code "statute: …"}
 * @param caseReference the court's case reference; required for {@code COURT}, otherwise may be
 *     {@code null}
 * @param subjectId the person the documents are about
 */
public record BundleHeader(
    UUID disclosureId,
    Instant madeAt,
    String madeBy,
    String recipientKind,
    String recipientName,
    String purpose,
    String legalBasis,
    String caseReference,
    UUID subjectId) {

  /** The recipient kinds. */
  public static final Set<String> RECIPIENT_KINDS =
      Set.of("COURT", "GUARDIAN", "SCHOOL", "EMBASSY", "OTHER");

  /** Validates that every field but the case reference is present and the kind is known. */
  public BundleHeader {
    Objects.requireNonNull(disclosureId, "disclosureId is required.");
    Objects.requireNonNull(madeAt, "madeAt is required.");
    Objects.requireNonNull(madeBy, "madeBy is required.");
    Objects.requireNonNull(recipientKind, "recipientKind is required.");
    Objects.requireNonNull(recipientName, "recipientName is required.");
    Objects.requireNonNull(purpose, "purpose is required.");
    Objects.requireNonNull(legalBasis, "legalBasis is required.");
    Objects.requireNonNull(subjectId, "subjectId is required.");
    if (!RECIPIENT_KINDS.contains(recipientKind)) {
      throw new IllegalArgumentException("unknown recipient kind " + recipientKind);
    }
    if ("COURT".equals(recipientKind) && (caseReference == null || caseReference.isBlank())) {
      throw new IllegalArgumentException("a disclosure to a court needs its case reference");
    }
  }
}
