package org.zhusan.vault.documents.content;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * OCR of long scans page by page, inside the extraction child: each page of a PDF that has no text
 * layer is rendered (300 dpi, grey) and each page of a multi-page TIFF decoded, written as a PNG to
 * the child's private directory, read by tesseract under a per-page time limit, and deleted at
 * once; after every page a progress frame tells the vault how many pages are done, and the vault
 * gives the next page its own time limit. Tika's own OCR would read a 200-page scan in one go, with
 * one limit for the whole document and no progress, so a long ruling would time out and stay
 * unsearchable.
 *
 * <p>Runs only in the child. The text goes to the protocol's text frames; nothing is logged.
 */
final class PageOcr {
  private static final float DPI = 300;

  private PageOcr() {}

  /** Whether this type is OCR'd page by page (when OCR is on). */
  static boolean handles(String mediaType) {
    return mediaType.equals("application/pdf") || mediaType.equals("image/tiff");
  }

  /** What page-wise OCR needs from the child's settings. */
  record Options(String languages, int pageTimeoutSeconds, long maxCharacters, Path workDir) {}

  /**
   * OCRs the pages of {@code file} that need it, writing their text to {@code text} and progress
   * frames to {@code protocol}. Returns 0 when done, else a {@link ExtractionResult.Reason} code.
   */
  static int run(
      Path file,
      String mediaType,
      Options options,
      ExtractionChild.FrameWriter text,
      OutputStream protocol)
      throws IOException {
    return mediaType.equals("application/pdf")
        ? pdf(file, options, text, protocol)
        : tiff(file, options, text, protocol);
  }

  private static int pdf(
      Path file, Options options, ExtractionChild.FrameWriter text, OutputStream protocol)
      throws IOException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      int pages = pdf.getNumberOfPages();
      PDFRenderer renderer = new PDFRenderer(pdf);
      PDFTextStripper layer = new PDFTextStripper();
      for (int i = 0; i < pages; i++) {
        layer.setStartPage(i + 1);
        layer.setEndPage(i + 1);
        if (layer.getText(pdf).isBlank()) {
          BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
          int code = ocrPage(image, i, options, text);
          if (code != 0) {
            return code;
          }
        }
        progress(protocol, i + 1, pages);
      }
      return 0;
    }
  }

  private static int tiff(
      Path file, Options options, ExtractionChild.FrameWriter text, OutputStream protocol)
      throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
    if (!readers.hasNext()) {
      return ExtractionResult.Reason.PARSE_ERROR.code;
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      int pages = reader.getNumImages(true);
      for (int i = 0; i < pages; i++) {
        int code = ocrPage(reader.read(i), i, options, text);
        if (code != 0) {
          return code;
        }
        progress(protocol, i + 1, pages);
      }
      return 0;
    } finally {
      reader.dispose();
    }
  }

  private static int ocrPage(
      BufferedImage image, int index, Options options, ExtractionChild.FrameWriter text)
      throws IOException {
    Path png = options.workDir().resolve("page-" + index + ".png");
    try {
      ImageIO.write(image, "png", png.toFile());
      java.util.concurrent.atomic.AtomicBoolean timedOut =
          new java.util.concurrent.atomic.AtomicBoolean();
      String pageText = tesseract(png, options, timedOut);
      if (pageText == null) {
        return timedOut.get()
            ? ExtractionResult.Reason.TIMEOUT.code
            : ExtractionResult.Reason.PARSE_ERROR.code;
      }
      if (text.characters + pageText.length() + 1 > options.maxCharacters()) {
        return ExtractionResult.Reason.TEXT_LIMIT.code;
      }
      text.write(pageText);
      text.write("\n");
      text.flush();
      return 0;
    } finally {
      Files.deleteIfExists(png);
    }
  }

  /** The page's text, or null if tesseract failed or did not finish within the page's limit. */
  private static String tesseract(
      Path png, Options options, java.util.concurrent.atomic.AtomicBoolean timedOut)
      throws IOException {
    Process process =
        new ProcessBuilder(
                List.of("tesseract", png.toString(), "stdout", "-l", options.languages()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .directory(options.workDir().toFile())
            .start();
    process.getOutputStream().close();
    Thread limit =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(options.pageTimeoutSeconds(), TimeUnit.SECONDS)) {
                  timedOut.set(true);
                  process.destroyForcibly();
                }
              } catch (InterruptedException e) {
                process.destroyForcibly();
              }
            });
    limit.setDaemon(true);
    limit.start();
    byte[] out;
    try (InputStream stdout = process.getInputStream()) {
      out = stdout.readAllBytes();
    }
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return null;
    }
    return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
  }

  private static void progress(OutputStream protocol, int done, int total) throws IOException {
    ChildProtocol.writeFrame(
        protocol, ChildProtocol.TAG_PROGRESS, ChildProtocol.progressPayload(done, total));
    protocol.flush();
  }
}
