package org.xai4j.report.metric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.xai4j.io.AtomicFiles;

/** Comma-separated tables: a header and rows, numbers in full precision, text quoted when needed. */
public final class CsvTable {
  private CsvTable() {}

  /** Writes {@code curves} as columns {@code x, name1, name2, ...}, one row per point. */
  public static void writeCurves(Path file, Curves curves) throws IOException {
    StringBuilder sb = new StringBuilder(cell(curves.xLabel()));
    for (String name : curves.series().keySet()) {
      sb.append(',').append(cell(name));
    }
    sb.append('\n');
    for (int i = 0; i < curves.x().length; i++) {
      sb.append(number(curves.x()[i]));
      for (double[] y : curves.series().values()) {
        sb.append(',').append(number(y[i]));
      }
      sb.append('\n');
    }
    write(file, sb);
  }

  /** Writes a table with the given header and rows (cells are numbers or text). */
  public static void writeRows(Path file, List<String> header, List<List<Object>> rows) throws IOException {
    StringBuilder sb = new StringBuilder(String.join(",", header.stream().map(CsvTable::cell).toList())).append('\n');
    for (List<Object> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("CSV row " + row + " has " + row.size() + " cells, the header "
            + header.size());
      }
      sb.append(String.join(",", row.stream().map(c -> c instanceof Number n ? number(n.doubleValue())
          : cell(String.valueOf(c))).toList())).append('\n');
    }
    write(file, sb);
  }

  private static void write(Path file, StringBuilder sb) throws IOException {
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.writeCreatingDirectories(file, out -> out.write(bytes));
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
