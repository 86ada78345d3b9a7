package org.xai4j.explain.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.Seeds;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.LrpRun;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.DerivedAssignment;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.explain.lrp.composite.UnmodifiedMergedBias;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * The supported-architectures table, {@code docs/zoo-table.md}, computed from the zoo: per export
 * the logit error against PyTorch, the input gradient's error against float64 (and with float32's
 * flipped ReLU and max-pool decisions taken as float64 took them), the LRP rules of the nodes
 * relevance reaches in the canonized graph under {@code EpsilonPlusFlat} (for the rules the graph
 * structure implies, the structure recognised), the input relevance over the target logit per sample, the
 * worst layer of the bias-free variant, and the distance to Zennit where it applies (with Zennit's
 * merged-bias handling, {@link UnmodifiedMergedBias}). The test
 * writes the table to {@code target/zoo-table.md} (and to the file named by
 * {@code -Dxai4j.zoo.table=FILE}, how the committed table is regenerated), and fails when the
 * committed table lists other exports or other rules than the zoo gives now. The numeric columns
 * are not compared: float32 rounding may differ between machines.
 */
class ZooTableTest {
  /** System property naming a file to write the table to. */
  static final String PROPERTY = "xai4j.zoo.table";
  private static final String HEADER = """
      | architecture | opset | nodes | forward: logits vs PyTorch | gradient vs float64 (float64 decisions) \
      | LRP rules and recognised structures (EpsilonPlusFlat, canonized) | conservation: input relevance / logit | bias-free: worst layer \
      | vs Zennit |
      |---|---|---|---|---|---|---|---|---|
      """;

  @Test
  void tableMatchesTheCommittedOne() throws IOException {
    List<String> rows = new ArrayList<>();
    for (ZooModel m : ZooModel.all()) {
      for (int opset : m.opsets()) {
        rows.add(row(m, opset));
      }
    }
    String table = "<!-- written by ZooTableTest (xai4j-explain); regenerate with\n"
        + "     mvn -B -o -pl xai4j-explain -am test -Dtest=ZooTableTest -Dsurefire.failIfNoSpecifiedTests=false "
        + "-Dxai4j.zoo.table=$PWD/docs/zoo-table.md -->\n" + HEADER + String.join("\n", rows) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "zoo-table.md"), table);
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null) {
      Files.writeString(Path.of(explicit), table);
    }
    System.out.print(table);
    Path committed = ZooModel.root().getParent().resolve("docs").resolve("zoo-table.md");
    assertEquals(structure(table), structure(Files.readString(committed)),
        "docs/zoo-table.md is out of date: regenerate it (see its first line)");
  }

  private static String row(ZooModel model, int opset) {
    Graph g = model.graph(opset);
    Trace t = g.forward(model.input());
    double logits = ZooForwardTest.relativeError(t.output(), model.logits());
    Map<String, Tensor> seed = Map.of(g.outputs().get(0), Seeds.oneHot(t.output().shape(), model.targets(), 1f));
    double gradient = ZooGradientTest.relativeError(Backprop.gradient(t, seed).atInput(), model.gradient64());
    double corrected = ZooGradientTest.relativeError(
        Backprop.run(t, seed, Float64Decisions.of(model).compare(t).asFloat64(), false).atInput(), model.gradient64());
    Graph canonized = Canonizers.standard().apply(g);
    LrpRun lrp = LrpRun.of(canonized, Composites.epsilonPlusFlat());
    LrpRun.Result r = lrp.explain(model.input(), model.targets());
    double[] ratios = r.conservation().row(canonized.inputs().get(0).name()).ratios();
    List<String> conservation = new ArrayList<>();
    for (double v : ratios) {
      conservation.add(String.format("%.3g", v));
    }
    String zennit = "-";
    if (model.zennitComposites().contains("EpsilonPlusFlat") && ZooLrpTest.comparableWithZennit(model, g)) {
      LrpRun asZennit = LrpRun.of(canonized, UnmodifiedMergedBias.of(Composites.epsilonPlusFlat(), g, canonized));
      zennit = String.format("%.1e", ZooLrpTest.relativeError(asZennit.explain(model.input(), model.targets())
          .relevance(), model.zennit("EpsilonPlusFlat")));
    }
    ZooLrpTest.LayerGap gap = ZooLrpTest.biasFreeLayerGap(model, opset);
    return String.format("| %s | %d | %d | %.1e | %.1e (%.1e) | %s | %s | %.1e | %s |", model, opset, g.nodes().size(),
        logits, gradient, corrected, rules(lrp.rules(), r), String.join(", ", conservation), gap.worst(), zennit);
  }

  /**
   * The distinct rules of the nodes relevance reached, sorted: the rule's name, or for a rule the
   * graph structure implies, the structure recognised (for example {@code x*f(x) activation}).
   */
  private static String rules(RuleTable table, LrpRun.Result result) {
    java.util.Set<String> reached = new java.util.HashSet<>();
    result.conservation().rows().forEach(row -> reached.add(row.value()));
    TreeSet<String> names = new TreeSet<>();
    for (RuleTable.Row r : table.rows()) {
      if (reached.contains(r.node()) && r.rule().isPresent()) {
        names.add(r.assignment().get() instanceof DerivedAssignment d ? d.role() : r.rule().get().toString());
      }
    }
    return String.join(", ", names);
  }

  /** The table's architecture, opset and rules columns, one line per row. */
  private static String structure(String table) {
    List<String> out = new ArrayList<>();
    for (String line : table.split("\n")) {
      String[] cells = line.split("\\|");
      if (line.startsWith("| ") && cells.length > 6 && !cells[1].isBlank() && !cells[1].contains("architecture")) {
        out.add(cells[1].trim() + " | " + cells[2].trim() + " | " + cells[6].trim());
      }
    }
    return String.join("\n", out);
  }
}
