package org.zhusan.vault.documents.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile and ordinary files generated in code, so the repository holds no binary fixtures. */
final class Fixtures {
  private Fixtures() {}

  static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
          + " Extension=\"rels\""
          + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
          + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
          + " PartName=\"/word/document.xml\""
          + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          + "</Types>";

  static final String RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
          + " Id=\"rId1\""
          + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
          + " Target=\"word/document.xml\"/></Relationships>";

  static final String DOCUMENT_START =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document"
          + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  static final String DOCUMENT_END = "</w:body></w:document>";

  /** An ELF executable header (x86-64, ET_EXEC) followed by padding. */
  static byte[] elfExecutable() {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.position(16);
    b.putShort((short) 2); // e_type: executable
    b.putShort((short) 0x3e); // e_machine: x86-64
    b.putInt(1); // e_version
    b.putLong(0x401000); // e_entry
    b.putLong(64); // e_phoff
    b.putLong(0); // e_shoff
    b.putInt(0);
    b.putShort((short) 64); // e_ehsize
    return b.array();
  }

  /** A Windows PE executable: DOS header pointing at a PE signature and COFF header. */
  static byte[] peExecutable() {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'M', 'Z', (byte) 0x90, 0});
    b.position(0x3c);
    b.putInt(0x80); // e_lfanew
    b.position(0x4e);
    b.put("This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII));
    b.position(0x80);
    b.put(new byte[] {'P', 'E', 0, 0});
    b.putShort((short) 0x14c); // i386
    b.putShort((short) 1); // sections
    b.position(0x80 + 24);
    b.putShort((short) 0x10b); // PE32 optional header
    return b.array();
  }

  /** A minimal DOCX whose body is the given paragraph text (XML-escaped by the caller). */
  static byte[] docx(String bodyXml) {
    return zip(
        out -> {
          entry(out, "[Content_Types].xml", CONTENT_TYPES);
          entry(out, "_rels/.rels", RELS);
          entry(out, "word/document.xml", DOCUMENT_START + bodyXml + DOCUMENT_END);
        });
  }

  static String paragraph(String text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  }

  /**
   * A DOCX zip bomb: word/document.xml holds about {@code inflatedMiB} MiB of repeated paragraphs
   * and compresses to a few hundred KiB.
   */
  static byte[] docxBomb(int inflatedMiB) {
    return zip(
        out -> {
          entry(out, "[Content_Types].xml", CONTENT_TYPES);
          entry(out, "_rels/.rels", RELS);
          out.putNextEntry(new ZipEntry("word/document.xml"));
          out.write(DOCUMENT_START.getBytes(StandardCharsets.UTF_8));
          byte[] para =
              paragraph("The quick brown fox jumps over the lazy dog again and again. ")
                  .getBytes(StandardCharsets.UTF_8);
          byte[] block = new byte[para.length * 1024];
          for (int i = 0; i < 1024; i++) {
            System.arraycopy(para, 0, block, i * para.length, para.length);
          }
          long target = inflatedMiB * 1024L * 1024L;
          for (long written = 0; written < target; written += block.length) {
            out.write(block);
          }
          out.write(DOCUMENT_END.getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        });
  }

  /** A ZIP whose first entry, [Content_Types].xml, inflates to about {@code inflatedMiB} MiB. */
  static byte[] contentTypesBomb(int inflatedMiB) {
    return zip(
        out -> {
          out.putNextEntry(new ZipEntry("[Content_Types].xml"));
          out.write("<?xml version=\"1.0\"?><Types><!--".getBytes(StandardCharsets.US_ASCII));
          byte[] spaces = new byte[1024 * 1024];
          Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < inflatedMiB; i++) {
            out.write(spaces);
          }
          out.write("--></Types>".getBytes(StandardCharsets.US_ASCII));
          out.closeEntry();
          entry(out, "_rels/.rels", RELS);
        });
  }

  /** A DOCX whose document.xml declares an external entity pointing at /etc/passwd. */
  static byte[] docxWithXxe() {
    String document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><!DOCTYPE w:document [<!ENTITY"
            + " xxe SYSTEM \"file:///etc/passwd\">]><w:document"
            + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + paragraph("Before the entity &xxe; after the entity")
            + "</w:body></w:document>";
    return zip(
        out -> {
          entry(out, "[Content_Types].xml", CONTENT_TYPES);
          entry(out, "_rels/.rels", RELS);
          entry(out, "word/document.xml", document);
        });
  }

  /** A plain ZIP archive holding a text file. */
  static byte[] plainZip() {
    return zip(out -> entry(out, "notes.txt", "just some notes\n"));
  }

  /** The first {@code fraction} of a file. */
  static byte[] truncated(byte[] whole, double fraction) {
    return Arrays.copyOf(whole, (int) (whole.length * fraction));
  }

  interface ZipBody {
    void write(ZipOutputStream out) throws IOException;
  }

  static byte[] zip(ZipBody body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(Deflater.BEST_COMPRESSION);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static void entry(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  /** Writes {@code n} copies of {@code bytes}; used to stream big inputs without holding them. */
  static void repeat(OutputStream out, byte[] bytes, long n) throws IOException {
    for (long i = 0; i < n; i++) {
      out.write(bytes);
    }
  }
}
