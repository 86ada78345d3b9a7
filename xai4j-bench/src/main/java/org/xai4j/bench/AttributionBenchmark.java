package org.xai4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.InternalBatch;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Gradient-based attributions of one seeded Gaussian 3 x 224 x 224 image through VGG-16
 * ({@link Vgg16}), target the argmax class: the plain gradient (Captum {@code Saliency}) and
 * Integrated Gradients with the Riemann trapezoid rule and a zero baseline. Each call is one whole
 * explanation (forward pass and reverse passes), timed as a single shot: the score is milliseconds
 * per explanation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class AttributionBenchmark {
  /** Integrated Gradients path points (Captum's {@code n_steps}); 50 in the targets of issue 5. */
  @Param({"50"})
  public int steps;

  /**
   * Path points per forward/backward pass of Integrated Gradients; 0 (the default) for the library's
   * automatic rule ({@link InternalBatch}: 6 points per pass in the 6 GB heap of the forks).
   */
  @Param({"0"})
  public int internalBatch;

  private Vgg16 model;
  private Tensor image;
  private Explainer gradient;
  private Explainer integratedGradients;

  /** Builds the model, the image and the two attributors. */
  @Setup
  public void setup() {
    model = Vgg16.build(BenchFlags.SEED);
    image = Tensor.randomNormal(Shape.of(1, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f, new Random(BenchFlags.SEED));
    gradient = Gradient.plain().prepare(model.graph());
    integratedGradients = IntegratedGradients.defaults()
        .withSteps(steps)
        .withMethod(Quadrature.RIEMANN_TRAPEZOID)
        .withInternalBatch(internalBatch == 0 ? InternalBatch.automatic() : InternalBatch.of(internalBatch))
        .prepare(model.graph());
  }

  /** The gradient of the argmax logit with respect to the image: one forward, one reverse pass. */
  @Benchmark
  public Attribution gradient() {
    return gradient.explain(image, Target.argmax());
  }

  /** Integrated Gradients: one forward pass, then {@code steps} path points in batches. */
  @Benchmark
  public Attribution integratedGradients() {
    return integratedGradients.explain(image, Target.argmax());
  }
}
