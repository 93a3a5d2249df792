package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipTrailerTest {

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] jar(String comment, int payloadBytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setComment(comment);
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\nMain-Class: Evil\n".getBytes(StandardCharsets.US_ASCII));
      zip.putNextEntry(new ZipEntry("Evil.class"));
      byte[] payload = new byte[payloadBytes];
      new Random(1).nextBytes(payload);
      zip.write(payload);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Feeds in uneven pieces, as a network stream would. */
  static ZipTrailer fed(byte[] content) {
    ZipTrailer t = new ZipTrailer();
    for (int off = 0; off < content.length; off += 777) {
      t.update(content, off, Math.min(777, content.length - off));
    }
    return t;
  }

  @Test
  void pdfWithAJarAppendedIsAPolyglot() throws Exception {
    assertTrue(fed(concat(pdf(), jar("", 100))).appendedArchive());
  }

  @Test
  void appendedArchiveWithACommentAndALargeBodyIsFound() throws Exception {
    assertTrue(fed(concat(pdf(), jar("x".repeat(60_000), 300_000))).appendedArchive());
  }

  @Test
  void plainPdfIsNot() {
    assertFalse(fed(pdf()).appendedArchive());
  }

  @Test
  void zipBasedFormatItself_DocxOdt_isNotAPolyglot() throws Exception {
    assertFalse(fed(jar("", 100)).appendedArchive());
  }

  @Test
  void randomBinaryIsNot() {
    byte[] noise = new byte[1 << 20];
    new Random(7).nextBytes(noise);
    assertFalse(fed(concat(pdf(), noise)).appendedArchive());
  }

  @Test
  void endOfCentralDirectorySignatureWithAWrongCommentLengthIsNot() throws Exception {
    byte[] fake =
        concat(
            pdf(),
            new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0});
    assertFalse(fed(fake).appendedArchive());
  }
}
