package org.xai4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Batch efficiency of the engine (issue 19): one explanation of a batch of {@code batch} seeded
 * Gaussian 3 x 224 x 224 images through VGG-16 ({@link Vgg16}), the plain gradient or LRP
 * EpsilonPlusFlat ({@link Vgg16Explanations}), timed as a single shot: the score is milliseconds per
 * batch. The bound of issue 19 is {@code score(batch=8) <= 8 / 1.5 * score(batch=1)}, i.e. a sample
 * of a batch of 8 costs at most two thirds of a sample explained alone. Both batch sizes run in the
 * same JMH run (one fork each, one after the other), so they see the same machine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3)
@Measurement(iterations = 8)
public class BatchScalingBenchmark {
  /** {@code gradient} or an LRP composite name ({@link Vgg16Explanations}). */
  @Param({"gradient", "epsilon-plus-flat"})
  public String method;

  /** Images per explanation. */
  @Param({"1", "8"})
  public int batch;

  private Supplier<Tensor> explain;

  /** Builds the model and the images and prepares the explainer. */
  @Setup
  public void setup() {
    Vgg16 model = Vgg16.build(BenchFlags.SEED);
    Tensor images = Tensor.randomNormal(Shape.of(batch, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f,
        new Random(BenchFlags.SEED));
    explain = Vgg16Explanations.of(method, model, images);
  }

  /** One explanation of the batch. */
  @Benchmark
  public Tensor explain() {
    return explain.get();
  }
}
