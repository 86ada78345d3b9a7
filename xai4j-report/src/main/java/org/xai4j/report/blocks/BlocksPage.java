package org.xai4j.report.blocks;

import static org.xai4j.report.html.HtmlPage.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.visualize.blocks.LayerAttribution;
import org.xai4j.visualize.blocks.LayerBlocks;
import org.xai4j.visualize.blocks.NeuronGroups;

/**
 * The HTML of the building-blocks page: static markup for every layer (hidden but the selected one),
 * the style sheet {@code assets/report.css} and the small script {@code assets/report.js} of this
 * module, which switches layers and fills the semantic dictionary on hover from {@code data.js}.
 */
final class BlocksPage {
  private BlocksPage() {}

  static String html(ReportModel m) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Building blocks: ")
        .append(escape(m.request().modelName())).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"assets/report.css\">\n</head>\n<body>\n");
    b.append("<h1>Building blocks of ").append(escape(m.request().modelName())).append("</h1>\n");
    b.append("<p class=\"summary\">Input <code>").append(escape(m.request().inputName())).append("</code> ")
        .append(escape(m.shape().toString())).append(": predicted class <strong id=\"predicted\">")
        .append(escape(m.request().className(m.predicted())))
        .append("</strong> with probability <strong id=\"probability\">")
        .append(String.format(Locale.ROOT, "%.4f", m.probabilities()[m.predicted()])).append("</strong> (softmax). ")
        .append("Attributions explain ").append(escape(m.targetDescription())).append(" (probability of class ")
        .append(escape(m.request().className(m.target()))).append(": ")
        .append(String.format(Locale.ROOT, "%.4f", m.probabilities()[m.target()]))
        .append(").</p>\n");
    inputMethods(b, m);
    b.append("<h2>Hidden layers</h2>\n<p class=\"note\">Choose a layer: <select id=\"layer-select\">");
    for (ReportModel.LayerView v : m.layers()) {
      var s = v.blocks().gradient().activation().shape();
      b.append("<option value=\"").append(escape(v.blocks().layer())).append("\">").append(escape(v.blocks().layer()))
          .append(" [").append(s.dim(0)).append(" x ").append(s.dim(1)).append(" x ").append(s.dim(2))
          .append("]</option>");
    }
    b.append("</select></p>\n");
    for (int l = 0; l < m.layers().size(); l++) {
      layer(b, m, m.layers().get(l), l);
    }
    b.append(String.format(Locale.ROOT, "<p class=\"note\">Computed in %.1f s; %d of %d icons rendered, the others "
        + "read from the icon cache.</p>\n", m.seconds(), m.iconsRendered(), m.iconsUsed()));
    b.append("<script src=\"data.js\"></script>\n<script src=\"assets/report.js\"></script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void inputMethods(StringBuilder b, ReportModel m) {
    b.append("<h2>Attribution at the input</h2>\n<div class=\"row\">");
    figure(b, m.input(), "input", "input");
    List<String> names = new ArrayList<>(m.request().inputMethods().keySet());
    for (int i = 0; i < names.size(); i++) {
      figure(b, m.inputHeatmaps().get(i), names.get(i), "heatmap");
    }
    b.append("</div>\n<p class=\"note\">Colour map " + BlocksReport.COLOR_MAP
        + ": red positive, blue negative, white zero; symmetric scaling per heatmap.</p>\n");
  }

  private static void layer(StringBuilder b, ReportModel m, ReportModel.LayerView v, int index) {
    LayerBlocks blocks = v.blocks();
    String name = blocks.layer();
    b.append("<section class=\"layer\" data-layer=\"").append(escape(name)).append("\"")
        .append(index == 0 ? "" : " hidden").append(">\n<h3>Layer <code>").append(escape(name)).append("</code>")
        .append(String.format(Locale.ROOT, " <span class=\"note\">(%.1f s)</span>", blocks.seconds()))
        .append("</h3>\n<h4>Spatial attribution</h4>\n<div class=\"row\">");
    figure(b, m.input(), "input", "input");
    for (int i = 0; i < blocks.attributions().size(); i++) {
      LayerAttribution a = blocks.attributions().get(i);
      figure(b, v.spatial().get(i), String.format(Locale.ROOT, "%s (sum %.4g)", a.method(), a.total()), "heatmap");
    }
    b.append("</div>\n<h4>Semantic dictionary</h4>\n<p class=\"note\">Hover over a position of the input: the ")
        .append(blocks.dictionary().at(0, 0).size()).append(" channels most active there, with their feature "
        + "visualizations.</p>\n<div class=\"row\"><div class=\"stage\" style=\"--rows:")
        .append(blocks.dictionary().height()).append(";--cols:").append(blocks.dictionary().width())
        .append("\"><img src=\"").append(escape(m.input())).append("\" alt=\"input\">");
    int positions = blocks.dictionary().height() * blocks.dictionary().width();
    b.append("<div class=\"cells\">");
    for (int p = 0; p < positions; p++) {
      b.append("<div class=\"cell\" data-p=\"").append(p).append("\"></div>");
    }
    b.append("</div></div><div class=\"dictionary\" aria-live=\"polite\"></div></div>\n");
    groups(b, m, v);
    channelTable(b, v);
    b.append("</section>\n");
  }

  private static void groups(StringBuilder b, ReportModel m, ReportModel.LayerView v) {
    NeuronGroups groups = v.blocks().groups();
    double max = groups.groups().stream().mapToDouble(g -> Math.abs(g.attribution())).max().orElse(0);
    b.append("<h4>Neuron groups</h4>\n<p class=\"note\">").append(groups.groups().size()).append(String.format(
        Locale.ROOT, " groups by non-negative matrix factorization of the activations [positions x channels] "
        + "(relative reconstruction error %.3f): where each is active, what its direction looks like, and "
        + "its share of activation x gradient.</p>\n<div class=\"row groups\">", groups.relativeError()));
    for (int g = 0; g < groups.groups().size(); g++) {
      double a = groups.groups().get(g).attribution();
      double width = max > 0 ? 100 * Math.abs(a) / max : 0;
      b.append("<div class=\"group\" style=\"--color:").append(MaskImages.css(g)).append("\">")
          .append("<div class=\"masked\"><img src=\"").append(escape(m.input())).append("\" alt=\"input\"><img src=\"")
          .append(escape(v.masks().get(g))).append("\" alt=\"mask of group ").append(g).append("\"></div>")
          .append("<img class=\"icon\" src=\"").append(escape(v.groupIcons().get(g)))
          .append("\" alt=\"direction of group ")
          .append(g).append("\"><div class=\"bar\"><span class=\"").append(a >= 0 ? "pos" : "neg")
          .append("\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", width)).append("%\"></span></div>")
          .append(String.format(Locale.ROOT, "<div class=\"value\">%+.4g</div></div>", a));
    }
    b.append("</div>\n");
  }

  private static void channelTable(StringBuilder b, ReportModel.LayerView v) {
    LayerBlocks blocks = v.blocks();
    var activation = blocks.gradient().activation();
    int positions = activation.shape().dim(1) * activation.shape().dim(2);
    float[] act = activation.toArray();
    List<double[]> sums = blocks.attributions().stream().map(LayerAttribution::channels).toList();
    b.append("<h4>Channel attribution</h4>\n<table class=\"channels\">\n<tr><th>icon</th><th>channel</th>"
        + "<th>mean activation</th>");
    blocks.attributions().forEach(a -> b.append("<th>").append(escape(a.method())).append("</th>"));
    b.append("</tr>\n");
    for (int c : blocks.tableChannels()) {
      double mean = 0;
      for (int p = 0; p < positions; p++) {
        mean += act[c * positions + p];
      }
      mean /= positions;
      b.append("<tr><td><img class=\"icon\" src=\"").append(escape(v.channelIcons().get(c))).append("\" alt=\"channel ")
          .append(c).append("\"></td><td class=\"num\">").append(c).append("</td>")
          .append(String.format(Locale.ROOT, "<td class=\"num\">%.4g</td>", mean));
      for (double[] s : sums) {
        b.append(String.format(Locale.ROOT, "<td class=\"num\">%+.4g</td>", s[c]));
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void figure(StringBuilder b, String png, String caption, String cls) {
    b.append("<figure><img class=\"").append(cls).append("\" src=\"").append(escape(png)).append("\" alt=\"")
        .append(escape(caption)).append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>");
  }
}
