package org.zhusan.vault.disclosure;

/** The legal basis of a disclosure; without one the vault refuses it. */
public enum BasisKind {
  /** A consent in force that covers the recipient, the purpose's documents and today. */
  CONSENT,
  /** A court order, named by its reference. */
  COURT_ORDER,
  /** A statutory ground from the configured list ({@code vault.disclosure.statutory-grounds}). */
  STATUTE
}
