package org.zhusan.vault.it;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Generated scans: image-only PDFs and multi-page TIFFs whose pages carry one printed line each
 * ("{@code <word> <n>}"), as a scanner would produce them, with no text layer. Small pages keep OCR
 * quick; the text is large and clean so tesseract reads it reliably.
 */
public final class ScanFixtures {
  private ScanFixtures() {}

  /** The picture of page {@code n} (1-based): "{@code word n}" in black on white. */
  public static BufferedImage page(String word, int n) {
    BufferedImage image = new BufferedImage(1250, 300, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 72));
      g.drawString(word + " " + n, 60, 180);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** An image-only PDF of {@code pages} pages (300 × 72 pt, the picture at 300 dpi). */
  public static byte[] scannedPdf(String word, int pages) throws IOException {
    return scannedPdf(word, pages, word);
  }

  /** As above, with another word on the last page (to find that the last page was read). */
  public static byte[] scannedPdf(String word, int pages, String lastWord) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDRectangle size = new PDRectangle(300, 72);
      for (int n = 1; n <= pages; n++) {
        PDPage page = new PDPage(size);
        pdf.addPage(page);
        PDImageXObject image =
            LosslessFactory.createFromImage(pdf, page(n == pages ? lastWord : word, n));
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** A multi-page TIFF of {@code pages} pages. */
  public static byte[] multiPageTiff(String word, int pages) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      for (int n = 1; n <= pages; n++) {
        writer.writeToSequence(new IIOImage(page(word, n), null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
