package org.zhusan.vault.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The one embedded file a PDF carries as its verifiable original (a certificate's {@code
 * certificate.json}, a court bundle's {@code manifest.json}): attaching it and taking it back out.
 *
 * <p>Stateless and thread-safe.
 */
public final class PdfAttachment {

  private PdfAttachment() {}

  /**
   * Attaches {@code json} to {@code doc} as the embedded file {@code name} (media type {@code
   * application/json}), replacing the document's embedded files.
   */
  public static void attachJson(
      PDDocument doc, String name, byte[] json, String description, Instant created)
      throws IOException {
    PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(json));
    embedded.setSubtype("application/json");
    embedded.setSize(json.length);
    embedded.setCreationDate(utc(created));
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setFileDescription(description);
    spec.setEmbeddedFile(embedded);
    spec.setEmbeddedFileUnicode(embedded);
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(name, spec));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
  }

  /**
   * Returns the embedded file {@code name} of a PDF.
   *
   * @throws IllegalArgumentException if the bytes are not a PDF or it has no such attachment
   */
  public static byte[] read(byte[] pdf, String name) {
    Objects.requireNonNull(pdf, "pdf is required.");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
      PDComplexFileSpecification spec = tree == null ? null : find(tree, name);
      PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
      if (file == null) {
        throw new IllegalArgumentException("the PDF has no attached " + name);
      }
      return file.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable PDF: " + e.getMessage(), e);
    }
  }

  /** Returns {@code instant} as a UTC calendar, for the PDF's dates. */
  public static Calendar utc(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }

  private static PDComplexFileSpecification find(PDEmbeddedFilesNameTreeNode node, String name)
      throws IOException {
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null && names.containsKey(name)) {
      return names.get(name);
    }
    if (node.getKids() != null) {
      for (var kid : node.getKids()) {
        PDComplexFileSpecification found = find((PDEmbeddedFilesNameTreeNode) kid, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
