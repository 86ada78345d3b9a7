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
   */
  record Result(String model, Table table, String page, double seconds) {}

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
    return new Result(model, new Table(title, headers, rows), FOLDER + "/" + BlocksReport.INDEX, r.seconds());
  }
}
