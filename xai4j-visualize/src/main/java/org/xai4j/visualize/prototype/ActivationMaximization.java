package org.xai4j.visualize.prototype;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphChain;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.render.AscentListener;
import org.xai4j.visualize.render.AscentResult;
import org.xai4j.visualize.render.GradientAscent;
import org.xai4j.visualize.render.ModelReadout;

/**
 * Class prototypes by activation maximization (Montavon, Samek &amp; Mueller, "Methods for
 * interpreting and understanding deep neural networks", Digital Signal Processing 73, 2018,
 * section 3): the input the classifier finds most typical of a class, regularized so that it stays a
 * plausible input. All prototypes of one call are optimized as one batch by the shared
 * {@link GradientAscent} loop.
 *
 * <ul>
 *   <li>{@link #inPixelSpace} maximizes {@code score(c | x) + R(x)} over images, with R an
 *       {@link L2Regularizer} (plain AM) or an {@link ExpertRegularizer} (AM with a density expert);
 *       the image stays in the valid range through {@link SigmoidPixels}.
 *   <li>{@link #inCodeSpace} maximizes {@code score(c | g(z)) - lambda |(z - mean) / std|^2} over codes of a decoder
 *       or generator g and returns {@code x* = g(z*)} with {@code z*}. Decoder and classifier are
 *       composed into one graph ({@link GraphChain}), so one forward pass and one reverse pass
 *       ({@link org.xai4j.backprop.Backprop}) carry the gradient from the logits to the code.
 * </ul>
 *
 * <p>The classifier's only output must be its logits (the values before any softmax).
 */
public final class ActivationMaximization {
  /** Prefix of the decoder's values in the composed graph of {@link #inCodeSpace}. */
  public static final String DECODER_PREFIX = "decoder/";
  /** Prefix of the classifier's values in the composed graph of {@link #inCodeSpace}. */
  public static final String CLASSIFIER_PREFIX = "classifier/";

  private ActivationMaximization() {}

  /**
   * Prototypes in pixel space.
   *
   * @param classifier a graph with one input and its logits as only output
   * @param classes the class of each prototype
   * @param regularizer the plausibility term
   * @param start the start images {@code [classes.length, ...]}, inside the valid range
   * @throws IllegalArgumentException if the classifier's output is a softmax, the start batch does
   *     not hold one image per class, or a class is out of range
   */
  public static Prototypes inPixelSpace(Graph classifier, int[] classes, Regularizer regularizer, Tensor start,
      PrototypeSettings settings, AscentListener listener, BooleanSupplier cancelled) {
    String logits = logits(classifier);
    requireBatch(start, classes, "start images");
    SigmoidPixels pixels = settings.pixels();
    PixelSpaceObjective objective = new PixelSpaceObjective(ModelReadout.of(classifier, List.of(logits)), logits,
        classes.clone(), settings.score(), pixels, regularizer);
    AscentResult r = GradientAscent.run(List.of(pixels.parameter(start)), objective, settings.ascent(), listener,
        cancelled);
    return new Prototypes(classes, pixels.image(r.parameters().get(0)), Optional.empty(), r.values(), r.stepsDone());
  }

  /**
   * Prototypes in the code space of a decoder.
   *
   * @param decoder a graph with one input (the code {@code [N, size]}) and one output, an input of the classifier
   * @param classifier a graph with one input and its logits as only output
   * @param prior the code distribution the penalty measures departures from
   * @param codePenalty lambda of {@code -lambda |(z - mean) / std|^2}, at least 0
   * @param start the start codes {@code [classes.length, size]}
   * @throws IllegalArgumentException if the graphs do not compose (naming both shapes), the
   *     classifier's output is a softmax or the start batch does not hold one code per class
   */
  public static Prototypes inCodeSpace(Graph decoder, Graph classifier, int[] classes, CodePrior prior,
      double codePenalty, Tensor start, PrototypeSettings settings, AscentListener listener,
      BooleanSupplier cancelled) {
    if (!(codePenalty >= 0) || Double.isInfinite(codePenalty)) {
      throw new IllegalArgumentException("the code penalty must be finite and >= 0, got " + codePenalty);
    }
    String logits = CLASSIFIER_PREFIX + logits(classifier);
    requireBatch(start, classes, "start codes");
    if (prior.size() != CodePrior.codeSize(decoder)) {
      throw new IllegalArgumentException("the code prior has " + prior.size() + " dimensions, the decoder's codes "
          + CodePrior.codeSize(decoder));
    }
    Graph composed = GraphChain.of(decoder, classifier, DECODER_PREFIX, CLASSIFIER_PREFIX);
    String image = DECODER_PREFIX + decoder.outputs().get(0);
    CodeSpaceObjective objective = new CodeSpaceObjective(ModelReadout.of(composed, List.of(logits)), logits,
        classes.clone(), settings.score(), prior, codePenalty);
    AscentResult r = GradientAscent.run(List.of(start), objective, settings.ascent(), listener, cancelled);
    Tensor z = r.parameters().get(0);
    Tensor x = composed.forward(z, List.of(image)).get(image);
    if (!x.shape().equals(classifierInput(classifier, x))) {
      x = x.reshape(classifierInput(classifier, x));
    }
    return new Prototypes(classes, x, Optional.of(z), r.values(), r.stepsDone());
  }

  /** The classifier's input shape for the batch of x. */
  private static org.xai4j.tensor.Shape classifierInput(Graph classifier, Tensor x) {
    return classifier.inputs().get(0).shapeForBatch(x.shape().dim(0));
  }

  /**
   * The logits node: the graph's only output, which must not be a softmax.
   *
   * @throws IllegalArgumentException otherwise, naming the node
   */
  static String logits(Graph classifier) {
    if (classifier.outputs().size() != 1 || classifier.inputs().size() != 1) {
      throw new IllegalArgumentException("activation maximization needs a classifier with one input and one output "
          + "(its logits), got inputs " + classifier.inputs().size() + " and outputs " + classifier.outputs());
    }
    String out = classifier.outputs().get(0);
    if (classifier.hasValue(out) && classifier.nodes().stream().anyMatch(n -> n.name().equals(out))) {
      Node n = classifier.node(out);
      String type = n.op().type();
      if (type.equals("Softmax") || type.equals("LogSoftmax")) {
        throw new IllegalArgumentException("the classifier's output '" + out + "' is a " + type + "; activation "
            + "maximization needs the logits before it (cut the graph at '" + n.inputs().get(0) + "')");
      }
    }
    return out;
  }

  private static void requireBatch(Tensor start, int[] classes, String what) {
    if (classes.length == 0) {
      throw new IllegalArgumentException("activation maximization needs at least one class");
    }
    if (start.rank() < 2 || start.shape().dim(0) != classes.length) {
      throw new IllegalArgumentException(what + " must hold one entry per class (" + classes.length + "), got shape "
          + start.shape());
    }
  }
}
