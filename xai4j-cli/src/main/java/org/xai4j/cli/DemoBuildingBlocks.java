package org.xai4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xai4j.explain.Attributor;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.blocks.BlocksReport;
import org.xai4j.report.blocks.ReportRequest;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.blocks.BlocksSettings;
import org.xai4j.visualize.blocks.LayerAttribution;
import org.xai4j.visualize.blocks.LayerBlocks;

/**
 * The building-blocks step of {@code xai4j demo}: the interactive page ({@link BlocksReport}) of the
 * first held-out image of the texture model (the shapes model while textures-cnn is not bundled) in
 * {@code DIR/building-blocks/}, and a table of its layers for the demo page, which links to it. Icons
 * come from the default icon cache, so a second demo is faster.
 */
final class DemoBuildingBlocks {
  /** The page's folder inside the demo folder. */
  static final String FOLDER = "building-blocks";
  private static final String TEXTURES_MODEL = "textures-cnn";
  private static final String SHAPES_MODEL = "shapes-cnn";
  private static final List<String> METHODS = List.of("gradient", "gradient-x-input", "integrated-gradients",
      "lrp:epsilon-plus-flat");
  /** What the paper claims. */
  static final String CLAIM = "Olah et al. (2018), The Building Blocks of Interpretability: attribution is not "
      + "limited to the input; at every hidden layer it says which positions and channels the decision flows "
      + "through, feature visualization shows what those channels respond to (the semantic dictionary), and a "
      + "handful of neuron groups found by matrix factorization of the activations summarize a layer while "
      + "keeping most of its attribution.";
  /** How the section is computed. */
  static final String NOTE = "Attribution at every hidden ReLU layer (activation x gradient, Integrated Gradients "
      + "at the layer, LRP), the semantic dictionary of each position and the neuron groups (NMF of the "
      + "activations). The interactive page shows heatmaps, icons and a layer selector; hover over the input to see "
      + "the channels active there.";
  /** Bundled images lie in [0, 1]. */
  private static final float LOW = 0f;
  private static final float HIGH = 1f;

  private DemoBuildingBlocks() {}

  /**
   * The step's results.
   *
   * @param model the model shown
   * @param table one row per layer
   * @param page the page, relative to the demo folder
   * @param seconds the time taken
   * @param measured what the run measured of the claim, in a sentence
   * @param command the {@code xai4j report} command that writes the same page
   */
  record Result(String model, Table table, String page, double seconds, String measured, String command) {}

  /** Writes the page for the first held-out image of the model's data set. */
  static Result run(OutputFolder files) {
    boolean textures = BundledModelFiles.exists(TEXTURES_MODEL);
    String model = textures ? TEXTURES_MODEL : SHAPES_MODEL;
    Graph graph = BundledModelFiles.load(model);
    BundledData data = BundledData.named(textures ? "textures" : "shapes");
    Tensor image = data.sample(0);
    Map<String, Attributor> methods = new LinkedHashMap<>();
    for (String m : METHODS) {
      methods.put(m, DemoMethods.attributor(m, image.shape(), null, LOW, HIGH));
    }
    ReportRequest request = new ReportRequest(model, data.id() + "[0] (held out)", data.classNames(), List.of(), null,
        null, methods, BlocksSettings.defaults(BlocksSettings.defaultCache()));
    BlocksReport.Result r = BlocksReport.write(graph, image, request, files.dir().resolve(FOLDER),
        AtomicFiles.Existing.REFUSE);
    List<List<String>> rows = new ArrayList<>();
    for (LayerBlocks b : r.layers()) {
      var s = b.gradient().activation().shape();
      List<String> row = new ArrayList<>(List.of(b.layer(), s.dim(0) + " x " + s.dim(1) + " x " + s.dim(2)));
      for (LayerAttribution a : b.attributions()) {
        row.add(Table.number(a.total()));
      }
      row.add(Table.number(b.groups().groups().get(0).attribution()));
      row.add(Table.fraction(b.groups().relativeError()));
      rows.add(row);
    }
    List<String> headers = new ArrayList<>(List.of("layer", "channels x height x width"));
    r.layers().get(0).attributions().forEach(a -> headers.add(a.method() + " sum"));
    headers.addAll(List.of("strongest group", "NMF error"));
    String title = String.format(Locale.ROOT, "Building blocks of %s for one image: predicted class %d (p = %.3f); "
        + "attribution of its logit per layer", model, r.predicted(), r.probability());
    return new Result(model, new Table(title, headers, rows), FOLDER + "/" + BlocksReport.INDEX, r.seconds(),
        measured(r, data.classNames()), "./xai4j report --model " + model + " --data " + data.id() + " --index 0 --out "
        + FOLDER);
  }

  /**
   * The predicted class, and per layer how well the NMF groups reconstruct the activations and how much of
   * activation x gradient they carry.
   */
  private static String measured(BlocksReport.Result r, List<String> classNames) {
    double worstError = 0;
    String worstLayer = null;
    double leastShare = Double.POSITIVE_INFINITY;
    String leastLayer = null;
    int groups = 0;
    for (LayerBlocks b : r.layers()) {
      groups = b.groups().groups().size();
      double carried = b.groups().groups().stream().mapToDouble(g -> g.attribution()).sum();
      double share = carried / b.attributions().get(0).total();
      if (share < leastShare) {
        leastShare = share;
        leastLayer = b.layer();
      }
      if (worstLayer == null || b.groups().relativeError() > worstError) {
        worstError = b.groups().relativeError();
        worstLayer = b.layer();
      }
    }
    String predicted = r.predicted() < classNames.size() ? classNames.get(r.predicted()) : "class " + r.predicted();
    return String.format(Locale.ROOT, "The model predicted %s (p = %.3f). With %d groups per layer, NMF reconstructed "
        + "the activations of every one of %d layers with relative error at most %s (%s), and the groups carried at "
        + "least %s of each layer's activation x gradient (%s; the rest is the reconstruction error).", predicted,
        r.probability(), groups, r.layers().size(), Table.fraction(worstError), worstLayer,
        Table.fraction(leastShare), leastLayer);
  }
}
