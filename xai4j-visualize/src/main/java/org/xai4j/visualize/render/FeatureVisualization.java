package org.xai4j.visualize.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.objective.Activations;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.ObjectiveValue;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.transform.Compose;
import org.xai4j.visualize.transform.ResizeTo;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transformed;

/**
 * Feature visualization by optimization (Olah, Mordvintsev &amp; Schubert, "Feature Visualization",
 * Distill 2017), Lucid's and Lucent's {@code render_vis}: finds images that maximize an
 * {@link Objective} of a model's activations. Each step of {@link GradientAscent}:
 *
 * <ol>
 *   <li>renders the parameter to images in {@code (0, 1)} ({@link ImageParam});
 *   <li>applies the robustness transforms with this step's random draws, resizes to the model's input
 *       size when the graph fixes it, and applies the model's preprocessing;
 *   <li>runs the model only up to the nodes the objective reads ({@link ModelReadout}), and of a
 *       convolution under a node of which the objective reads only some channels (a channel or
 *       neuron objective), only those channels ({@link ChannelPruning});
 *   <li>evaluates the objective and seeds the one reverse pass at those nodes, without parameter
 *       gradients, down to the model input;
 *   <li>maps that gradient back through the transforms and the parameterization, adds the gradients
 *       of image penalties, and hands it to Adam.
 * </ol>
 *
 * <pre>{@code
 * RenderConfig c = RenderConfig.builder(Objectives.channel("conv3", 5)).steps(256).seed(1).build();
 * RenderResult r = FeatureVisualization.of(graph, c).render();
 * Png.write(ImageGrid.of(r.images()), Path.of("conv3-5.png"));
 * }</pre>
 *
 * <p>A run is reproducible bit for bit from its seed and thread count: the start is drawn from
 * {@code new SplittableRandom(seed + START_STREAM)}, the transforms from the loop's per-step
 * sources.
 */
public final class FeatureVisualization {
  /** Offsets the seed of the starting parameter from the seed of the per-step draws. */
  static final long START_STREAM = 0x9E3779B97F4A7C15L;
  private final Graph graph;
  private final RenderConfig config;
  private final ModelReadout readout;
  private final Transform fixed;
  private final Transform toModel;

  private FeatureVisualization(Graph graph, RenderConfig config, ModelReadout readout, Transform fixed) {
    this.graph = graph;
    this.config = config;
    this.readout = readout;
    this.fixed = fixed;
    this.toModel = new Compose(List.of(config.transforms(), fixed));
  }

  /**
   * Prepares a visualization of a graph with one input.
   *
   * @throws IllegalArgumentException if the graph has several inputs, the objective names a node the
   *     graph lacks (listing close matches), or the image's channels differ from the model input's
   */
  public static FeatureVisualization of(Graph graph, RenderConfig config) {
    if (graph.inputs().size() != 1) {
      throw new IllegalArgumentException("feature visualization needs a graph with one input, got " + graph.inputs());
    }
    NodeNames.require(graph, config.objective().nodes());
    GraphInput input = graph.inputs().get(0);
    int[] dims = input.dims();
    Shape image = config.param().imageShape();
    if (dims.length != 4) {
      throw new IllegalArgumentException("feature visualization needs an image input [N, C, H, W]; input '"
          + input.name() + "' is " + input);
    }
    if (dims[1] >= 0 && dims[1] != image.dim(1)) {
      throw new IllegalArgumentException("the model input '" + input.name() + "' " + input + " takes " + dims[1]
          + " channels but the image has " + image.dim(1));
    }
    List<Transform> steps = new ArrayList<>();
    if (dims[2] > 0 && dims[3] > 0) {
      steps.add(new ResizeTo(dims[2], dims[3]));
    }
    steps.add(config.preprocessing());
    ModelReadout readout = config.objective().nodes().isEmpty()
        ? null : ModelReadout.of(ChannelPruning.apply(graph, config.objective()), List.copyOf(config.objective().nodes()));
    return new FeatureVisualization(graph, config, readout, new Compose(steps));
  }

  /** The configuration. */
  public RenderConfig config() {
    return config;
  }

  /** Everything between the image and the model: the transforms, the resize to the input size and the preprocessing. */
  public Transform toModel() {
    return toModel;
  }

  /** The starting parameter of a run. */
  public Tensor initialParameter() {
    return config.param().initial(new SplittableRandom(config.ascent().seed() + START_STREAM));
  }

  /** Renders without a listener or cancellation. */
  public RenderResult render() {
    return render(AscentListener.none(), () -> false);
  }

  /** Renders, telling {@code listener} about every step and stopping when {@code cancelled} says so. */
  public RenderResult render(AscentListener listener, BooleanSupplier cancelled) {
    AscentResult r = GradientAscent.run(List.of(initialParameter()), objective(), config.ascent(), listener, cancelled);
    List<RenderSnapshot> snaps = new ArrayList<>();
    for (AscentSnapshot s : r.snapshots()) {
      snaps.add(new RenderSnapshot(s.step(), images(s.parameters().get(0)), s.value(), s.perItem()));
    }
    Tensor parameter = r.parameters().get(0);
    Tensor images = images(parameter);
    return new RenderResult(images, parameter, r, snaps, HighFrequencyShare.of(images));
  }

  /** The images of a parameter. */
  public Tensor images(Tensor parameter) {
    return config.param().render(parameter).output();
  }

  /**
   * The objective's value on images as they are, without transforms (but resized and preprocessed
   * for the model): for comparing finished visualizations.
   */
  public ObjectiveValue evaluate(Tensor images) {
    Transformed x = fixed.apply(images, new SplittableRandom(0));
    return config.objective().evaluate(activations(x.output(), images).activations());
  }

  /** One step's function for {@link GradientAscent}: value and gradient with respect to the parameter. */
  public AscentObjective objective() {
    Objective objective = config.objective();
    return (params, ctx) -> {
      Transformed image = config.param().render(params.get(0));
      Transformed x = toModel.apply(image.output(), ctx.random());
      Read read = activations(x.output(), image.output());
      ObjectiveValue v = objective.evaluate(read.activations());
      Tensor grad = v.imageGradient();
      if (!v.nodeGradients().isEmpty()) {
        Tensor fromModel = x.backward(read.reading().inputGradient(v.nodeGradients()));
        grad = grad == null ? fromModel : grad.add(fromModel);
      }
      if (grad == null) {
        grad = Tensor.zeros(image.output().shape());
      }
      return new AscentEvaluation(v.value(), v.perItem(), List.of(image.backward(grad)));
    };
  }

  private record Read(Activations activations, ModelReadout.Reading reading) {}

  private Read activations(Tensor modelInput, Tensor image) {
    Map<String, Tensor> nodes = new LinkedHashMap<>();
    ModelReadout.Reading reading = null;
    if (readout != null) {
      reading = readout.read(modelInput);
      for (String n : readout.nodes()) {
        nodes.put(n, reading.activation(n));
      }
    }
    return new Read(new Activations(nodes, image, image.shape().dim(0)), reading);
  }

  /** The graph visualized. */
  public Graph graph() {
    return graph;
  }
}
