package org.zhusan.vault.disclosure;

import java.util.UUID;

/**
 * A checked legal basis: its kind and what names it (a consent, a court order's reference, a
 * statute).
 */
record Basis(BasisKind kind, UUID consentId, String reference, String statute) {}
