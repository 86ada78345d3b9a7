package org.xai4j.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small result table: printed to the console ({@link #toText}) and rendered into an
 * {@link HtmlPage} from the same cells, so both always show the same numbers.
 *
 * @param title what the table shows
 * @param headers the column headers
 * @param rows the cells, one list per row, each as long as {@code headers}
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {
  /** Shown where a number is not available (not measured, or not defined for the method). */
  public static final String NOT_AVAILABLE = "-";
  private static final String GAP = "  ";

  /** Copies the lists and rejects rows whose length differs from the headers'. */
  public Table {
    headers = List.copyOf(headers);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != headers.size()) {
        throw new IllegalArgumentException("table '" + title + "': row " + r + " has " + r.size()
            + " cells, expected " + headers.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
  }

  /** The table as aligned plain text, title first. */
  public String toText() {
    int[] width = new int[headers.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = headers.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder(title).append(System.lineSeparator());
    appendLine(sb, headers, width);
    for (List<String> r : rows) {
      appendLine(sb, r, width);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder(GAP);
    for (int c = 0; c < cells.size(); c++) {
      line.append(String.format("%-" + width[c] + "s", cells.get(c))).append(GAP);
    }
    sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }

  /** A number with 4 significant digits, or {@link #NOT_AVAILABLE} for NaN. */
  public static String number(double v) {
    return Double.isNaN(v) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.4g", v);
  }

  /** A score in [0, 1] with 3 decimals, or {@link #NOT_AVAILABLE} for NaN. */
  public static String fraction(double v) {
    return Double.isNaN(v) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.3f", v);
  }
}
