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
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A VGG-16 forward pass ({@link Vgg16}) on a batch of seeded Gaussian 3 x 224 x 224 images,
 * recording the trace as explanations do. The primary score is batches per second (milliseconds
 * per batch = 1000 / score); the {@code :gflop} secondary metric is GFLOP/s (about 30.9 GFLOP per
 * image).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class Vgg16Benchmark {
  /** Images per forward pass. */
  @Param({"1", "8"})
  public int batch;

  private Vgg16 model;
  private Tensor images;

  /** Builds the model and the input batch. */
  @Setup
  public void setup() {
    model = Vgg16.build(BenchFlags.SEED);
    images = Tensor.randomNormal(Shape.of(batch, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f, new Random(BenchFlags.SEED));
  }

  /** One forward pass of the batch. */
  @Benchmark
  public Trace forward(FlopCounter flops) {
    Trace t = model.graph().forward(images);
    flops.add(model.multiplyAddsPerImage() * batch);
    return t;
  }
}
