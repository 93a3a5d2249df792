package org.zhusan.vault.documents.content;

/**
 * The kinds of document the vault keeps. Each kind has its own list of accepted file formats in
 * {@link MediaTypePolicy} (and, elsewhere, its own role-based access rules).
 *
 * <p>Immutable and thread-safe, as every enum.
 */
public enum DocumentType {
  /** Passports, identity cards, birth certificates: usually scans or photographs. */
  IDENTITY,
  /** Court rulings, indictments, lawyers' submissions. */
  COURT,
  /** Psychological and psychiatric evaluations. */
  PSYCH_EVALUATION,
  /** Medical examinations, laboratory results, prescriptions. */
  MEDICAL,
  /** Social workers' assessments and reports. */
  SOCIAL,
  /** School records, certificates, enrolment papers. */
  EDUCATION,
  /** Theologians' notes and assessments. */
  THEOLOGICAL,
  /** Signed consent forms. */
  CONSENT,
  /** Letters to and from authorities, partners and families. */
  CORRESPONDENCE
}
