package org.zhusan.vault.subjects;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the subjects API. */
public final class SubjectViews {
  private SubjectViews() {}

  /** Registration of a new subject. Identifying fields are encrypted before they are stored. */
  public record NewSubject(
      String centre,
      String sex,
      String fullName,
      String dateOfBirth,
      String iin,
      String placeOfOrigin,
      String notes,
      String birthYearBand,
      LocalDate arrivalDate,
      String legalStatus,
      UUID guardianId) {}

  /**
   * A subject as shown. Fields the caller may not see ({@link
   * org.zhusan.vault.access.policy.SubjectFields}) are left out of the JSON: {@code fullName}
   * unless the caller may see the name, {@code dateOfBirth}, {@code iin}, {@code placeOfOrigin} and
   * {@code notes} unless identifying fields.
   */
  @JsonbNillable(false)
  public record SubjectView(
      UUID id,
      String centre,
      String sex,
      String stage,
      String birthYearBand,
      LocalDate arrivalDate,
      String legalStatus,
      UUID guardianId,
      String fullName,
      String dateOfBirth,
      String iin,
      String placeOfOrigin,
      String notes,
      boolean shredded,
      List<TransitionView> transitions) {}

  public record TransitionView(String from, String to, LocalDate effectiveOn) {}

  public record StageChange(String stage, LocalDate effectiveOn) {}

  public record GuardianLink(UUID guardianId) {}

  /**
   * Exact lookup, sent in a body so an IIN or a name never appears in a URL or an access log line.
   */
  public record Lookup(String iin, String fullName) {}

  public record ShredRequest(String reason) {}
}
