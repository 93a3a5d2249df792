package org.zhusan.vault.access.policy;

/**
 * Which of a subject's fields a caller is shown, widest last. Named in the access-log entry of
 * every subject read (the rule's last part and the reason), so an auditor sees what was disclosed.
 *
 * <ul>
 *   <li>{@link #METADATA} — non-identifying fields only: sex, year-of-birth band, centre, programme
 *       stage, arrival date, legal status, guardian link;
 *   <li>{@link #NAME} — the metadata and the full name (policy key {@code read-name});
 *   <li>{@link #IDENTIFYING} — everything: also date of birth, IIN, place of origin and notes
 *       (policy key {@code read-identifying}).
 * </ul>
 */
public enum SubjectFields {
  METADATA(SubjectOperation.READ_METADATA),
  NAME(SubjectOperation.READ_NAME),
  IDENTIFYING(SubjectOperation.READ_IDENTIFYING);

  private final SubjectOperation operation;

  SubjectFields(SubjectOperation operation) {
    this.operation = operation;
  }

  /** The subject action of the policy file that discloses this field set. */
  public SubjectOperation operation() {
    return operation;
  }

  /** Whether the full name is shown. */
  public boolean showsName() {
    return this != METADATA;
  }

  /** Whether date of birth, IIN, place of origin and notes are shown. */
  public boolean showsIdentifying() {
    return this == IDENTIFYING;
  }
}
