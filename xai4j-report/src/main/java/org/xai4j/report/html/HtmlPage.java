package org.xai4j.report.html;

import java.util.List;

/**
 * A static HTML report page such as the one of {@code xai4j demo}: one self-contained file (plain
 * HTML and CSS, no script, nothing fetched from the network) that links the PNGs next to it by
 * relative paths. Every tile and plot enlarges when clicked (a CSS {@code :target} overlay; a click on it, or
 * the browser's back button, closes it). Sections are appended in the order they should appear; {@link #html()} closes
 * the page.
 */
public final class HtmlPage {
  /** Displayed side of a heatmap or input tile in CSS pixels (small PNGs are scaled up, unsmoothed). */
  public static final int TILE_PIXELS = 72;
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
      p.claim,p.measured{font-size:0.9em;max-width:60em}p.measured{background:#f4f8ff;padding:4px 8px}
      p.command{font-family:monospace;font-size:0.8em;color:#333;background:#f7f7f7;padding:4px 8px;max-width:110em}
      a.zoom{display:none}
      a.zoom:target{display:flex;position:fixed;inset:0;background:rgba(0,0,0,0.85);align-items:center;
        justify-content:center;z-index:10;cursor:zoom-out}
      a.zoom img{width:min(85vh,85vw);height:auto;image-rendering:pixelated;background:#fff}
      img.tile,img.plot{cursor:zoom-in}
      span.scale img{width:256px;height:14px;image-rendering:pixelated;vertical-align:middle;border:1px solid #ccc}
      span.scale{font-size:0.85em;color:#333}
      div.wrong{color:#b00020;font-weight:600}
      """.formatted(TILE_PIXELS);
  private final StringBuilder body = new StringBuilder();
  private final String title;
  /** The number of enlargeable images so far, for their overlay ids. */
  private int zooms;

  /** A page with this title. */
  public HtmlPage(String title) {
    this.title = title;
    body.append("<h1>").append(escape(title)).append("</h1>\n");
  }

  /** A section heading. */
  public HtmlPage heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  /** A paragraph of explanatory text. */
  public HtmlPage note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** What the paper behind a section claims: a paragraph starting "Paper's claim:". */
  public HtmlPage claim(String text) {
    body.append("<p class=\"claim\"><b>Paper's claim:</b> ").append(escape(text)).append("</p>\n");
    return this;
  }

  /** What this run measured of the claim: a paragraph starting "Measured in this run:", computed by the caller. */
  public HtmlPage measured(String text) {
    body.append("<p class=\"measured\"><b>Measured in this run:</b> ").append(escape(text)).append("</p>\n");
    return this;
  }

  /** The command line that reproduces the figure or table before it, in monospace. */
  public HtmlPage command(String text) {
    body.append("<p class=\"command\">Reproduce: ").append(escape(text)).append("</p>\n");
    return this;
  }

  /**
   * The colour scale of a heatmap figure: the colour map as a bar from {@code low} to {@code high}, and what the
   * ends mean.
   *
   * @param png the bar's relative path (a 256 x 1 rendering of the colour map)
   */
  public HtmlPage colorScale(String png, String low, String high, String meaning) {
    body.append("<p class=\"note\"><span class=\"scale\">Colour scale: ").append(escape(low))
        .append(" <img src=\"").append(escape(png)).append("\" alt=\"colour scale\"> ").append(escape(high))
        .append("</span> ").append(escape(meaning)).append("</p>\n");
    return this;
  }

  /** Preformatted lines (provenance). */
  public HtmlPage lines(List<String> lines) {
    body.append("<pre>").append(escape(String.join("\n", lines))).append("</pre>\n");
    return this;
  }

  /** A table; cells that parse as numbers are right-aligned. */
  public HtmlPage table(Table t) {
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
   * One image of a {@link #tileGrid}.
   *
   * @param png the PNG's relative path
   * @param alt its alternative text (also the tooltip)
   * @param label a line shown under the image, or {@code null} for none
   * @param flagged whether the label is a warning (shown in red, for example a misclassified input)
   */
  public record Tile(String png, String alt, String label, boolean flagged) {
    /** A tile whose label is not a warning. */
    public Tile(String png, String alt, String label) {
      this(png, alt, label, false);
    }
  }

  /** A grid of image tiles (for example inputs and heatmaps): a header row, then one row of tiles each. */
  public HtmlPage tileGrid(List<String> columns, List<List<Tile>> rows) {
    body.append("<div class=\"scroll\"><table class=\"grid\">\n<tr>");
    for (String c : columns) {
      body.append("<th>").append(escape(c)).append("</th>");
    }
    body.append("</tr>\n");
    for (List<Tile> row : rows) {
      body.append("<tr>");
      for (Tile t : row) {
        body.append("<td>").append(tile(t.png(), t.alt()));
        if (t.label() != null) {
          body.append(t.flagged() ? "<div class=\"label wrong\">" : "<div class=\"label\">").append(escape(t.label()))
              .append("</div>");
        }
        body.append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table></div>\n");
    return this;
  }

  /** Relative links to data files written next to the page. */
  public HtmlPage links(String label, List<String> files) {
    body.append("<p class=\"note\">").append(escape(label)).append(':');
    for (String f : files) {
      body.append(" <a href=\"").append(escape(f)).append("\">").append(escape(f)).append("</a>");
    }
    body.append("</p>\n");
    return this;
  }

  /** A plot image with a caption. */
  public HtmlPage plot(String png, String caption) {
    body.append("<figure>").append(zoomable("<img class=\"plot\" src=\"" + escape(png) + "\" alt=\"" + escape(caption)
        + "\">", png)).append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    return this;
  }

  /** The whole page. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
  }

  private String tile(String png, String alt) {
    return zoomable("<img class=\"tile\" src=\"" + escape(png) + "\" alt=\"" + escape(alt) + "\" title=\"" + escape(alt)
        + "\">", png);
  }

  /** {@code img} as a link to an overlay that shows {@code png} enlarged; a click on the overlay closes it. */
  private String zoomable(String img, String png) {
    String id = "zoom-" + (++zooms);
    return "<a href=\"#" + id + "\">" + img + "</a><a class=\"zoom\" id=\"" + id + "\" href=\"#closed\"><img src=\""
        + escape(png) + "\" alt=\"enlarged\"></a>";
  }

  private static boolean isNumeric(String cell) {
    return !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || "-+.eE ".indexOf(c) >= 0)
        && cell.chars().anyMatch(Character::isDigit);
  }

  /** Escapes the HTML special characters {@code & < > "}. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
