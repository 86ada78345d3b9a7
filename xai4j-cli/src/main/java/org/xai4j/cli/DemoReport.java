package org.xai4j.cli;

import java.util.List;

/**
 * The HTML page of {@code xai4j demo}: one self-contained static file (plain HTML and CSS, no
 * script, nothing fetched from the network) that links the PNGs next to it by relative paths.
 * Sections are appended in the order they should appear; {@link #html()} closes the page.
 */
final class DemoReport {
  /** Displayed side of a heatmap or input tile in CSS pixels (small PNGs are scaled up, unsmoothed). */
  static final int TILE_PIXELS = 72;
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1600px}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:4px 0 16px 0;font-size:0.9em}
      p.caption{margin:12px 0 2px 0;font-weight:600;font-size:0.9em}
      div.scroll{overflow-x:auto}
      th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#f0f0f0}td.num{text-align:right;font-family:monospace}
      table.grid td{padding:2px;border:none;text-align:center}
      table.grid th{background:none;border:none;font-weight:normal;font-size:0.75em;max-width:%1$dpx;
        word-wrap:break-word;vertical-align:bottom}
      img.tile{width:%1$dpx;height:%1$dpx;image-rendering:pixelated;display:block}
      div.label{font-size:0.7em;color:#555}
      img.plot{max-width:640px;border:1px solid #ddd;margin:4px}
      pre{background:#f7f7f7;padding:8px}
      p.note{color:#555;font-size:0.9em;max-width:60em}
      """.formatted(TILE_PIXELS);
  private final StringBuilder body = new StringBuilder();
  private final String title;

  /** A page with this title. */
  DemoReport(String title) {
    this.title = title;
    body.append("<h1>").append(escape(title)).append("</h1>\n");
  }

  /** A section heading. */
  DemoReport heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  /** A paragraph of explanatory text. */
  DemoReport note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Preformatted lines (provenance). */
  DemoReport lines(List<String> lines) {
    body.append("<pre>").append(escape(String.join("\n", lines))).append("</pre>\n");
    return this;
  }

  /** A table; cells that parse as numbers are right-aligned. */
  DemoReport table(DemoTable t) {
    body.append("<p class=\"caption\">").append(escape(t.title())).append("</p>\n<table>\n<tr>");
    for (String h : t.headers()) {
      body.append("<th>").append(escape(h)).append("</th>");
    }
    body.append("</tr>\n");
    for (List<String> row : t.rows()) {
      body.append("<tr>");
      for (String cell : row) {
        body.append(isNumeric(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /**
   * The heatmap grid of an explanation step: rows are inputs (with their label and the explained class),
   * columns the input image then the methods.
   */
  DemoReport grid(DemoExplanations.Result r) {
    int[] targets = r.targets();
    body.append("<div class=\"scroll\"><table class=\"grid\">\n<tr><th>input</th>");
    for (DemoExplanations.Explained e : r.methods()) {
      body.append("<th>").append(escape(e.method().name())).append("</th>");
    }
    body.append("</tr>\n");
    for (int i = 0; i < r.images().size(); i++) {
      String alt = "label " + r.labels()[i] + ", explained class " + targets[i];
      body.append("<tr><td>").append(tile(r.images().get(i), "input " + i + ": " + alt))
          .append("<div class=\"label\">label ").append(r.labels()[i]).append(" / class ").append(targets[i])
          .append("</div>");
      for (DemoExplanations.Explained e : r.methods()) {
        body.append("</td><td>").append(tile(e.heatmaps().get(i), e.method().name() + ", input " + i));
      }
      body.append("</td></tr>\n");
    }
    body.append("</table></div>\n");
    return this;
  }

  /** Relative links to data files written next to the page. */
  DemoReport links(String label, List<String> files) {
    body.append("<p class=\"note\">").append(escape(label)).append(':');
    for (String f : files) {
      body.append(" <a href=\"").append(escape(f)).append("\">").append(escape(f)).append("</a>");
    }
    body.append("</p>\n");
    return this;
  }

  /** A plot image with a caption. */
  DemoReport plot(String png, String caption) {
    body.append("<figure><img class=\"plot\" src=\"").append(escape(png)).append("\" alt=\"").append(escape(caption))
        .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    return this;
  }

  /** The whole page. */
  String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
  }

  private static String tile(String png, String alt) {
    return "<img class=\"tile\" src=\"" + escape(png) + "\" alt=\"" + escape(alt) + "\" title=\"" + escape(alt) + "\">";
  }

  private static boolean isNumeric(String cell) {
    return !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || "-+.eE ".indexOf(c) >= 0)
        && cell.chars().anyMatch(Character::isDigit);
  }

  /** Escapes the HTML special characters {@code & < > "}. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
