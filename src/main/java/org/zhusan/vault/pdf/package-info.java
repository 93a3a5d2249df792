/**
 * A4 PDF layout in the embedded DejaVu fonts ({@link org.zhusan.vault.pdf.PdfLayout}) and the JSON
 * attachment a PDF carries as its verifiable original ({@link org.zhusan.vault.pdf.PdfAttachment}),
 * shared by the certificates of destruction and the disclosure packages.
 *
 * <p>Plain Java 17 with PDFBox; nothing of the server and no other vault package.
 */
package org.zhusan.vault.pdf;
