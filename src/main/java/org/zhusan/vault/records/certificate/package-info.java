/**
 * Certificates of destruction, the pure part: what a certificate says ({@link
 * org.zhusan.vault.records.certificate.DestructionCertificate}), its canonical JSON and signed file
 * ({@link org.zhusan.vault.records.certificate.CertificateJson}, the shape of {@link
 * org.zhusan.vault.signedjson.SignedJsonFile} over RFC 8785 {@link
 * org.zhusan.vault.signedjson.CanonicalJson}), the offline check against the published Ed25519 key
 * ({@link org.zhusan.vault.records.certificate.CertificateVerifier}) and the printable PDF with the
 * signed file attached ({@link org.zhusan.vault.records.certificate.CertificatePdf}).
 *
 * <p>Plain Java 17 with BouncyCastle, Jakarta JSON-P and PDFBox; nothing of the server and of the
 * vault only the pure core {@code signedjson}, so the server (which builds and signs certificates)
 * and the command line's {@code verify-certificate} share exactly this code. See docs/records.md.
 */
package org.zhusan.vault.records.certificate;
