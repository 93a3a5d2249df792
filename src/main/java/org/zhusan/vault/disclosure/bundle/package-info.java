/**
 * Disclosure packages, the pure part: the signed manifest of a disclosure ({@link
 * org.zhusan.vault.disclosure.bundle.Manifest}, RFC 8785 canonical JSON, Ed25519), the court bundle
 * PDF ({@link org.zhusan.vault.disclosure.bundle.CourtBundle}), the ZIP for other recipients
 * ({@link org.zhusan.vault.disclosure.bundle.DisclosureZip}) and the accounting of disclosures as a
 * PDF ({@link org.zhusan.vault.disclosure.bundle.AccountingPdf}).
 *
 * <p>Plain Java 17 with PDFBox, JSON-P and BouncyCastle; nothing of the server. Of the vault it
 * uses only the other pure core {@code signedjson} (the signed canonical-JSON file, the key id
 * rule) and the DejaVu font resource of {@code records.certificate}; signing comes in through
 * {@link org.zhusan.vault.disclosure.bundle.Signer}. The server (which makes disclosures) and the
 * command line's {@code verify-disclosure} share this code. See docs/disclosure-bundles.md.
 */
package org.zhusan.vault.disclosure.bundle;
