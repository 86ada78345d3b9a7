package org.xai4j.example;

import java.nio.file.Path;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.explain.image.InputFit;
import org.xai4j.explain.image.Png;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Tensor;

/** Usage: FirstExplanation [MODEL.onnx | bundled name] [IMAGE.png | held-out digit index] [OUT_DIR]. */
public final class FirstExplanation {
  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "mnist-cnn";
    String input = args.length > 1 ? args[1] : "3";
    Path out = Path.of(args.length > 2 ? args[2] : ".");

    // A bundled model by name, or any ONNX file.
    Graph graph = model.endsWith(".onnx") ? OnnxImporter.read(Path.of(model)) : BundledModelFiles.load(model);
    // A held-out MNIST digit [1, 1, 28, 28], or a PNG fitted to the model's input (channels and size).
    Tensor x = input.endsWith(".png")
        ? InputFit.fit(ImageInput.raw().read(Path.of(input)), graph.inputs().get(0)).input()
        : BundledData.MNIST.sample(Integer.parseInt(input));

    // Each method is prepared once per model; the explainer then explains any number of batches.
    Explainer ig = IntegratedGradients.defaults().prepare(graph);
    Explainer lrp = Lrp.of(Composites.epsilonPlusFlat()).prepare(graph);
    for (Explainer method : new Explainer[] {ig, lrp}) {
      Attribution a = method.explain(x, Target.argmax());
      int target = Target.Argmax.argmaxPerSample(a.output())[0];
      String name = method == ig ? "integrated-gradients" : "lrp";
      System.out.printf("%s: class %d, logit %.4f, relevance sum %.4f%n", name, target,
          a.output().get(0, target), a.relevance().sum());
      Png.write(Heatmaps.render(Heatmaps.map(a, 0), ColorMap.named("bwr"), Scaling.SYMMETRIC,
          Heatmaps.DEFAULT_LEVEL), out.resolve(name + ".png"));
    }
  }
}
