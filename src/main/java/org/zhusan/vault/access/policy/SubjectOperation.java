package org.zhusan.vault.access.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Subject-level actions; each names its list of roles in the {@code subjects} section of the policy
 * file.
 */
public enum SubjectOperation {
  /**
   * Read a subject's non-identifying fields (sex, year-of-birth band, centre, stage, arrival, legal
   * status).
   */
  READ_METADATA("read-metadata"),
  /**
   * Read a subject's full name (and metadata), but none of its other identifying fields: for roles
   * that must tell people apart face to face (a teacher in class) without learning who they are on
   * paper. Optional in the file (none by default); disjoint from {@link #READ_IDENTIFYING}, which
   * includes the name.
   */
  READ_NAME("read-name"),
  /**
   * Read a subject's identifying fields (full name, date of birth, IIN, place of origin, notes).
   */
  READ_IDENTIFYING("read-identifying"),
  /** Register a subject, edit it, change its programme stage. */
  WRITE("write");

  private final String yamlName;

  SubjectOperation(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The key in the policy file's {@code subjects} section, also used in rule names. */
  public String yamlName() {
    return yamlName;
  }

  /**
   * Whether the file must list this action. {@code read-name} came later and may be left out: a
   * file without it gives nobody the name alone, the need-to-know reading of an older file.
   */
  public boolean required() {
    return this != READ_NAME;
  }

  /** Whether AUDITOR and ADMIN may ever be given this action (only non-identifying metadata). */
  public boolean openToMetadataOnlyRoles() {
    return this == READ_METADATA;
  }

  /** The action written as {@code key} in the policy file. */
  public static Optional<SubjectOperation> parse(String key) {
    return Arrays.stream(values()).filter(o -> o.yamlName.equals(key)).findFirst();
  }

  /** All keys, in order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(SubjectOperation::yamlName).toList();
  }
}
