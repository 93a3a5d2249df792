package org.zhusan.vault.outcomes;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zhusan.vault.access.policy.Role;

/**
 * The kinds of indicator and the values each takes. Fixed in code, not configuration, because
 * reports are predefined tables over them and the web app translates every value; who records and
 * reads them is configuration ({@code config/outcomes.yaml}).
 */
public enum IndicatorKind {
  EDUCATION(List.of("PRESCHOOL", "SCHOOL", "VOCATIONAL", "NONE")),
  ACTIVITY(List.of("SPORTS", "ARTS", "CLUBS", "NONE")),
  EMPLOYMENT(List.of("EMPLOYED", "SELF_EMPLOYED", "IN_TRAINING", "UNEMPLOYED", "NOT_APPLICABLE")),
  HOUSING(List.of("OWN_OR_FAMILY", "RENTED", "TEMPORARY", "NONE")),
  HEALTH_FOLLOW_UP(List.of("ONGOING", "COMPLETED", "NOT_NEEDED")),
  LEGAL_CASE(
      List.of(
          "NONE", "UNDER_INVESTIGATION", "CHARGED", "CONVICTED", "ACQUITTED", "SENTENCE_SERVED")),
  /** "Renounced violent ideology": a clinical or theological judgement, so only they record it. */
  IDEOLOGY_ASSESSMENT(
      List.of("YES", "PARTLY", "NO"),
      EnumSet.of(Role.PSYCHOLOGIST, Role.PSYCHIATRIST, Role.THEOLOGIAN));

  /** The column of a report for people with no observation of the kind by the date. */
  public static final String NOT_RECORDED = "NOT_RECORDED";

  private final List<String> allowedValues;
  private final Set<Role> onlyRecordedBy;

  IndicatorKind(List<String> values) {
    this(values, EnumSet.allOf(Role.class));
  }

  IndicatorKind(List<String> values, Set<Role> onlyRecordedBy) {
    this.allowedValues = values;
    this.onlyRecordedBy = onlyRecordedBy;
  }

  /** The values, in display order. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** The roles that may ever record this kind, whatever the outcomes file says. */
  public Set<Role> onlyRecordedBy() {
    return onlyRecordedBy;
  }

  public boolean accepts(String value) {
    return allowedValues.contains(value);
  }

  public static Optional<IndicatorKind> parse(String name) {
    for (IndicatorKind k : values()) {
      if (k.name().equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
