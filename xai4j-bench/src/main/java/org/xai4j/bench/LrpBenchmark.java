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
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * LRP of a batch of seeded Gaussian 3 x 224 x 224 images through VGG-16 ({@link Vgg16}) under a
 * Zennit composite preset, relevance starting at the argmax logit times its value (Zennit's
 * {@code output * one_hot}). The explainer ({@link Lrp#of} prepared: composite resolved, modified
 * weights computed) is prepared once in the setup; each call is one {@link Explainer#explain}, a forward and the
 * LRP reverse pass, timed as a single shot: the score is milliseconds per batch.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class LrpBenchmark {
  /** The composite, by its command-line name ({@link Composites#NAMES}). */
  @Param({"epsilon-plus-flat", "epsilon-alpha2-beta1-flat"})
  public String composite;

  /** Images per explanation. */
  @Param({"1", "8"})
  public int batch;

  private Explainer lrp;
  private Tensor images;

  /** Builds the model and the images and prepares the explainer. */
  @Setup
  public void setup() {
    Vgg16 model = Vgg16.build(BenchFlags.SEED);
    lrp = Lrp.of(Composites.byName(composite, null, null)).prepare(model.graph());
    images = Tensor.randomNormal(Shape.of(batch, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f, new Random(BenchFlags.SEED));
  }

  /** One LRP explanation of the batch. */
  @Benchmark
  public Attribution explain() {
    return lrp.explain(images, Target.argmax());
  }
}
