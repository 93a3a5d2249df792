package org.zhusan.vault.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Text set top-down on A4 pages in the embedded DejaVu Sans (the font resource the certificates of
 * destruction use, {@code /fonts/} on the class path): titles, label–value rows, table rows whose
 * cells wrap within their columns, and page footers stamped at the end. Page breaks depend only on
 * the text and the column widths, never on numbers printed later, so a dry run counts pages.
 *
 * <p>Used by the court bundles and the accounting of disclosures ({@code disclosure.bundle}) and by
 * the certificates of destruction ({@code records.certificate}), which sets its own sizes and its
 * own footer with the lower-level {@link #line}, {@link #show}, {@link #ensure} and {@link #wrap}.
 *
 * <p>Not thread-safe: one per document being written.
 */
public final class PdfLayout {

  /** The page margin on every side, in points. */
  public static final float MARGIN = 50;

  /** The default height kept free above the bottom margin for a footer. */
  public static final float FOOTER_SPACE = 30;

  /** The body text size. */
  public static final float TEXT = 9.5f;

  /** The small text size (hashes, footers). */
  public static final float SMALL = 8;

  /** Line height as a multiple of the text size. */
  public static final float LEADING = 1.3f;

  private static final String REGULAR_FONT = "/fonts/DejaVuSans.ttf";
  private static final String BOLD_FONT = "/fonts/DejaVuSans-Bold.ttf";

  /** The document being written. */
  public final PDDocument doc;

  /** DejaVu Sans, embedded as a subset. */
  public final PDFont regular;

  /** DejaVu Sans Bold, embedded as a subset. */
  public final PDFont bold;

  /** The width between the margins. */
  public final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final float footerSpace;
  private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
  private PDPageContentStream content;
  private float y;
  private PageStart onNewPage = () -> {};
  private int pagesAdded;

  /** A layout keeping {@link #FOOTER_SPACE} free for footers. */
  public PdfLayout(PDDocument doc) throws IOException {
    this(doc, FOOTER_SPACE);
  }

  /** A layout keeping {@code footerSpace} points above the bottom margin free for footers. */
  public PdfLayout(PDDocument doc, float footerSpace) throws IOException {
    this.doc = doc;
    this.footerSpace = footerSpace;
    this.regular = loadFont(doc, REGULAR_FONT);
    this.bold = loadFont(doc, BOLD_FONT);
  }

  /** What to draw at the top of a page the layout starts by itself. */
  public interface PageStart {
    void run() throws IOException;
  }

  /** Something to draw at the top of each further page (e.g. a table's header row). */
  public void onNewPage(PageStart action) {
    this.onNewPage = action == null ? () -> {} : action;
  }

  /** Starts a page at the end of the document. */
  public void newPage() throws IOException {
    closePage();
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    pagesAdded++;
    content = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  /** Returns how many pages this layout has added. */
  public int pagesAdded() {
    return pagesAdded;
  }

  public void closePage() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  public void title(String text) throws IOException {
    for (String l : wrap(bold, 16, text, width)) {
      line(bold, 16, MARGIN, l);
    }
    y -= 5;
    rule(0.8f);
    y -= 10;
  }

  public void section(String text) throws IOException {
    ensure(4 * TEXT * LEADING);
    y -= 6;
    line(bold, 11.5f, MARGIN, text);
    y -= 3;
    rule(0.3f);
    y -= 2;
  }

  public void paragraph(String text, float size) throws IOException {
    for (String l : wrap(regular, size, text, width)) {
      line(regular, size, MARGIN, l);
    }
  }

  public void gap(float height) {
    y -= height;
  }

  /** A label in bold on the left, the value wrapped on the right. */
  public void row(String label, String value, float labelWidth, float size) throws IOException {
    table(new String[] {label, value}, new float[] {labelWidth, width - labelWidth}, size, true);
  }

  /**
   * One table row: each cell wrapped within its column, top-aligned; the first cell in bold when
   * {@code boldFirst}. Moves to a new page first if the row does not fit (rows are not split unless
   * taller than a page).
   */
  public void table(String[] cells, float[] widths, float size, boolean boldFirst)
      throws IOException {
    tableRow(cells, widths, size, boldFirst ? 1 : 0);
  }

  /** A header row: every cell in bold, with a rule below. */
  public void tableHeader(String[] cells, float[] widths, float size) throws IOException {
    tableRow(cells, widths, size, cells.length);
    y -= 2;
    rule(0.3f);
    y -= 1;
  }

  private void tableRow(String[] cells, float[] widths, float size, int boldCells)
      throws IOException {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.length; i++) {
      PDFont font = i < boldCells ? bold : regular;
      List<String> cellLines = new ArrayList<>();
      for (String part : (cells[i] == null ? "" : cells[i]).split("\n", -1)) {
        cellLines.addAll(wrap(font, size, part, widths[i] - 6));
      }
      wrapped.add(cellLines);
      lines = Math.max(lines, cellLines.size());
    }
    float lineHeight = size * LEADING;
    if (lines * lineHeight <= availableHeight()) {
      ensure(lines * lineHeight + 2);
    }
    for (int l = 0; l < lines; l++) {
      ensure(lineHeight);
      y -= lineHeight;
      float x = MARGIN;
      for (int i = 0; i < cells.length; i++) {
        List<String> cellLines = wrapped.get(i);
        if (l < cellLines.size()) {
          show(i < boldCells ? bold : regular, size, x, y, cellLines.get(l));
        }
        x += widths[i];
      }
    }
    y -= 2;
  }

  public void rule(float lineWidth) throws IOException {
    content.setLineWidth(lineWidth);
    content.moveTo(MARGIN, y);
    content.lineTo(MARGIN + width, y);
    content.stroke();
  }

  public void line(PDFont font, float size, float x, String text) throws IOException {
    ensure(size * LEADING);
    y -= size * LEADING;
    show(font, size, x, y, text);
  }

  /** Shows one line of text at {@code (x, baseline)} on the current page, without moving. */
  public void show(PDFont font, float size, float x, float baseline, String text)
      throws IOException {
    show(content, font, size, x, baseline, text);
  }

  /** Shows one line of text on {@code stream} (e.g. a footer appended to a finished page). */
  public void show(
      PDPageContentStream stream, PDFont font, float size, float x, float baseline, String text)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(printable(font, text));
    stream.endText();
  }

  /** Returns the current baseline, in points from the bottom of the page. */
  public float y() {
    return y;
  }

  private float availableHeight() {
    return PDRectangle.A4.getHeight() - 2 * MARGIN - footerSpace;
  }

  /** Starts a new page unless {@code height} more points fit above the footer space. */
  public void ensure(float height) throws IOException {
    if (content == null || y - height < MARGIN + footerSpace) {
      newPage();
      onNewPage.run();
    }
  }

  /**
   * Stamps every page of {@code doc} with {@code footer.apply(pageIndex)} at the bottom centre,
   * upright as the page is shown (whatever its size, crop box or rotation).
   */
  public static void stampFooters(PDDocument doc, PDFont font, IntFunction<String> footer)
      throws IOException {
    int pages = doc.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = doc.getPage(i);
      PDRectangle box = page.getCropBox();
      int rotation = ((page.getRotation() % 360) + 360) % 360;
      float w = box.getWidth();
      float h = box.getHeight();
      float llx = box.getLowerLeftX();
      float lly = box.getLowerLeftY();
      Matrix toShown =
          switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, llx + w, lly);
            case 180 -> new Matrix(-1, 0, 0, -1, llx + w, lly + h);
            case 270 -> new Matrix(0, -1, 1, 0, llx, lly + h);
            default -> new Matrix(1, 0, 0, 1, llx, lly);
          };
      float shownWidth = rotation == 90 || rotation == 270 ? h : w;
      String text = footer.apply(i);
      float size = SMALL;
      float textWidth = font.getStringWidth(text) / 1000 * size;
      try (PDPageContentStream stamp =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        stamp.transform(toShown);
        stamp.setNonStrokingColor(0f);
        stamp.beginText();
        stamp.setFont(font, size);
        stamp.newLineAtOffset(Math.max(4, (shownWidth - textWidth) / 2), 16);
        stamp.showText(text);
        stamp.endText();
      }
    }
  }

  /** Splits text into lines that fit {@code maxWidth}, at spaces, or anywhere in long words. */
  public List<String> wrap(PDFont font, float size, String text, float maxWidth)
      throws IOException {
    String printable = printable(font, text);
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : printable.split(" ", -1)) {
      String candidate = current.length() == 0 ? word : current + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
      }
      int start = 0;
      for (int end = 1; end <= word.length(); end++) {
        if (width(font, size, word.substring(start, end)) > maxWidth && end - 1 > start) {
          lines.add(word.substring(start, end - 1));
          start = end - 1;
        }
      }
      current.append(word, start, word.length());
    }
    if (current.length() > 0 || lines.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  public static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Replaces control characters and characters the font cannot show with "?". */
  public String printable(PDFont font, String text) {
    Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              boolean ok =
                  !Character.isISOControl(cp) && known.computeIfAbsent(cp, c -> encodable(font, c));
              out.appendCodePoint(ok ? cp : '?');
            });
    return out.toString();
  }

  private static boolean encodable(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      return false;
    }
  }

  public static PDFont loadFont(PDDocument doc, String resource) throws IOException {
    try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is missing from the class path");
      }
      return PDType0Font.load(doc, in, true);
    }
  }
}
