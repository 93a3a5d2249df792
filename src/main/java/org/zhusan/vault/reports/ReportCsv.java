package org.zhusan.vault.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A published table as CSV (RFC 4180): a header naming the report, one line per row with its total,
 * the column totals, and a closing note of what was suppressed and why. A suppressed cell reads
 * {@code x} (below the threshold) or {@code xc} (suppressed to protect another), the marks
 * statistical offices use. Written by hand: four kinds of line, and the only free text (region
 * names) is quoted and defused against spreadsheet formulas.
 */
final class ReportCsv {
  private ReportCsv() {}

  static String of(ReportViews.Table t) {
    StringBuilder out = new StringBuilder();
    String first = t.groupBy() != null ? t.groupBy() : "MONTH";
    List<String> header = new ArrayList<>();
    header.add(first);
    header.addAll(t.columns());
    header.add("TOTAL");
    line(out, header);
    for (ReportViews.Row r : t.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(r.category());
      r.cells().forEach(c -> cells.add(cell(c)));
      cells.add(cell(r.total()));
      line(out, cells);
    }
    if (t.columnTotals() != null) {
      List<String> cells = new ArrayList<>();
      cells.add("TOTAL");
      t.columnTotals().forEach(c -> cells.add(cell(c)));
      cells.add(t.total() == null ? "" : cell(t.total()));
      line(out, cells);
    }
    out.append(
            "# x: fewer than "
                + t.threshold()
                + " people (suppressed). xc: suppressed so that no x can be worked out from"
                + " totals or from this report at another grouping or sex. Suppressed: ")
        .append(t.suppressed().primary())
        .append(" x, ")
        .append(t.suppressed().complementary())
        .append(" xc.");
    if (t.roundingBase() > 1) {
      out.append(" Published counts are rounded to a multiple of ")
          .append(t.roundingBase())
          .append('.');
    }
    out.append("\r\n");
    return out.toString();
  }

  /** A file name made of the report's fixed parameters. */
  static String fileName(ReportViews.Table t) {
    StringBuilder b = new StringBuilder("report-").append(t.report());
    for (String part :
        new String[] {t.kind(), t.date(), t.from(), t.to(), t.centre(), t.groupBy(), t.sex()}) {
      if (part != null) {
        b.append('-').append(part);
      }
    }
    return b.toString().replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv";
  }

  private static String cell(ReportViews.Cell c) {
    if (c.suppressed() == null) {
      return Long.toString(c.value());
    }
    return "PRIMARY".equals(c.suppressed()) ? "x" : "xc";
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String quote(String field) {
    String f = field;
    if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 && !f.matches("-?[0-9]+")) {
      f = "'" + f; // a spreadsheet must not read a region name as a formula
    }
    if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
      return '"' + f.replace("\"", "\"\"") + '"';
    }
    return f;
  }
}
