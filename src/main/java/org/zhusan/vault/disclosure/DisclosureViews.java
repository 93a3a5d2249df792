package org.zhusan.vault.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the consent and disclosure API. */
public final class DisclosureViews {
  private DisclosureViews() {}

  public record ConsentRequest(
      String givenBy,
      String guardianName,
      List<String> documentTypes,
      String recipientKind,
      String recipientName,
      String purpose,
      String validUntil,
      String consentDocumentId) {}

  public record RevokeRequest(String reason, String revokedOn) {}

  public record ConsentView(
      UUID id,
      UUID subjectId,
      String givenBy,
      String guardianName,
      List<String> documentTypes,
      String recipientKind,
      String recipientName,
      String purpose,
      LocalDate validUntil,
      UUID consentDocumentId,
      String recordedBy,
      Instant recordedAt,
      boolean inForce,
      LocalDate revokedOn,
      String revokedBy,
      String revocationReason) {
    static ConsentView of(Consent c, LocalDate today) {
      return new ConsentView(
          c.id(),
          c.subjectId(),
          c.givenBy().name(),
          c.guardianName().orElse(null),
          c.documentTypes().stream().map(Enum::name).toList(),
          c.recipientKind().name(),
          c.recipientName().orElse(null),
          c.purpose(),
          c.validUntil(),
          c.consentDocumentId(),
          c.recordedBy(),
          c.recordedAt(),
          c.revokedOn().map(d -> today.isBefore(d)).orElse(true) && !today.isAfter(c.validUntil()),
          c.revokedOn().orElse(null),
          c.revokedBy().orElse(null),
          c.revocationReason().orElse(null));
    }
  }

  public record BasisRequest(
      String kind, String consentId, String courtOrderReference, String statute) {}

  public record DisclosureRequest(
      List<String> documentIds,
      String recipientKind,
      String recipientName,
      String purpose,
      String caseReference,
      BasisRequest basis) {}

  public record ItemView(UUID documentId, int versionNo, String documentType, String sha256) {
    static ItemView of(DisclosureItem i) {
      return new ItemView(
          i.documentId(), i.versionNo(), i.documentType(), HexFormat.of().formatHex(i.sha256()));
    }
  }

  /** One line of the accounting of disclosures. */
  public record DisclosureView(
      UUID id,
      Instant madeAt,
      String madeBy,
      String recipientKind,
      String recipientName,
      String purpose,
      String basisKind,
      String basis,
      String packageKind,
      String packageSha256,
      List<ItemView> items) {
    static DisclosureView of(Disclosure d, List<DisclosureItem> items) {
      return new DisclosureView(
          d.id(),
          d.madeAt(),
          d.madeBy(),
          d.recipientKind().name(),
          d.recipientName(),
          d.purpose(),
          d.basisKind().name(),
          d.basisInWords(),
          d.packageKind().name(),
          HexFormat.of().formatHex(d.packageSha256()),
          items.stream().map(ItemView::of).toList());
    }
  }
}
