package org.zhusan.vault.disclosure;

/** Who receives a disclosure. A court receives one paginated PDF bundle; the others a ZIP. */
public enum RecipientKind {
  COURT,
  GUARDIAN,
  SCHOOL,
  EMBASSY,
  OTHER
}
