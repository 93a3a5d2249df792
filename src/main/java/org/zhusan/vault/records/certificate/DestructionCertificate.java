package org.zhusan.vault.records.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What was destroyed, by whom, under which rule: the content of a certificate of destruction.
 * Immutable; every field is required ({@code null} raises {@link NullPointerException}) and the
 * list is copied. The number of destroyed versions is {@code versions().size()}.
 *
 * <p>Its one byte form is {@link CertificateJson#body}; the signed file adds an Ed25519 signature
 * by the access log's checkpoint key (see docs/records.md, "Certificates of destruction").
 *
 * @param id the certificate's own id
 * @param issuedAt when the vault issued it
 * @param dispositionId the disposition (the approved proposal to destroy) it concludes
 * @param subjectId the person the document was about
 * @param centre the centre code the document belonged to
 * @param documentId the destroyed document
 * @param documentType its document type
 * @param versions every stored version that was destroyed, in version order
 * @param rule the retention rule that made the document due
 * @param retentionStart the date the retention period started (the rule's event)
 * @param dueOn the date the retention period ended
 * @param proposedBy the user who proposed destruction
 * @param proposedAt when they proposed it
 * @param approvedBy the second person, who approved it
 * @param approvedAt when they approved it
 */
public record DestructionCertificate(
    UUID id,
    Instant issuedAt,
    UUID dispositionId,
    UUID subjectId,
    String centre,
    UUID documentId,
    String documentType,
    List<DestroyedVersion> versions,
    RetentionRule rule,
    LocalDate retentionStart,
    LocalDate dueOn,
    String proposedBy,
    Instant proposedAt,
    String approvedBy,
    Instant approvedAt) {

  private static final Pattern LOWER_HEX_32_BYTES = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** Validates that every field is present and copies the list. */
  public DestructionCertificate {
    Objects.requireNonNull(id, "id is required.");
    Objects.requireNonNull(issuedAt, "issuedAt is required.");
    Objects.requireNonNull(dispositionId, "dispositionId is required.");
    Objects.requireNonNull(subjectId, "subjectId is required.");
    Objects.requireNonNull(centre, "centre is required.");
    Objects.requireNonNull(documentId, "documentId is required.");
    Objects.requireNonNull(documentType, "documentType is required.");
    versions = List.copyOf(Objects.requireNonNull(versions, "versions is required."));
    Objects.requireNonNull(rule, "rule is required.");
    Objects.requireNonNull(retentionStart, "retentionStart is required.");
    Objects.requireNonNull(dueOn, "dueOn is required.");
    Objects.requireNonNull(proposedBy, "proposedBy is required.");
    Objects.requireNonNull(proposedAt, "proposedAt is required.");
    Objects.requireNonNull(approvedBy, "approvedBy is required.");
    Objects.requireNonNull(approvedAt, "approvedAt is required.");
  }

  /** The number of destroyed versions. */
  public int versionCount() {
    return versions.size();
  }

  /**
   * One destroyed version.
   *
   * @param versionNo its number within the document, from 1
   * @param versionId its id
   * @param mediaType its detected media type
   * @param sizeBytes its plaintext size in bytes, 0..2<sup>53</sup>−1
   * @param contentDigest lower-case hex of the stored 32-byte keyed content digest
   */
  public record DestroyedVersion(
      int versionNo, UUID versionId, String mediaType, long sizeBytes, String contentDigest) {

    /** Validates the fields. */
    public DestroyedVersion {
      if (versionNo < 1) {
        throw new IllegalArgumentException("versionNo must be at least 1, not " + versionNo);
      }
      Objects.requireNonNull(versionId, "versionId is required.");
      Objects.requireNonNull(mediaType, "mediaType is required.");
      if (sizeBytes < 0 || sizeBytes > org.zhusan.vault.signedjson.CanonicalJson.MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException("sizeBytes out of range: " + sizeBytes);
      }
      Objects.requireNonNull(contentDigest, "contentDigest is required.");
      if (!LOWER_HEX_32_BYTES.matcher(contentDigest).matches()) {
        throw new IllegalArgumentException(
            "contentDigest must be 64 lower-case hex digits (32 bytes)");
      }
    }
  }

  /**
   * The retention rule applied.
   *
   * @param documentType the document type it governs
   * @param event what starts the period, e.g. {@code DOCUMENT_CREATED}, {@code PROGRAMME_CLOSED},
   *     {@code CASE_CLOSED}
   * @param period an ISO-8601 period, e.g. {@code P10Y}
   * @param action what happens when it ends: {@code REVIEW} or {@code DESTROY}
   */
  public record RetentionRule(String documentType, String event, String period, String action) {

    /** Validates the fields: codes are upper-case identifiers, the period parses. */
    public RetentionRule {
      Objects.requireNonNull(documentType, "documentType is required.");
      requireCode(Objects.requireNonNull(event, "event is required."), "event");
      Objects.requireNonNull(period, "period is required.");
      try {
        Period.parse(period);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("period is not an ISO-8601 period: " + period, e);
      }
      requireCode(Objects.requireNonNull(action, "action is required."), "action");
    }

    private static void requireCode(String value, String name) {
      if (!CODE.matcher(value).matches()) {
        throw new IllegalArgumentException(name + " must be an upper-case code, not " + value);
      }
    }
  }
}
