package org.xai4j.bench;

import java.util.List;
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
import org.xai4j.graph.Init;
import org.xai4j.op.Conv;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * One 3x3 convolution, 64 to 64 channels, padding 1, on a batch x 64 x 56 x 56 input (the ResNet
 * conv2_x layer), forward only. The primary score is calls per second (milliseconds per call =
 * 1000 / score); the {@code :gflop} secondary metric is GFLOP/s with
 * {@code 2 x 64 x 64 x 9 x 56 x 56} (about 0.231 GFLOP) per image. Throughput mode is used because
 * JMH normalizes the secondary metric by time only in that mode.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvBenchmark {
  private static final int CHANNELS = 64;
  private static final int SIDE = 56;
  private static final int KERNEL = 3;

  /** Images per call. */
  @Param({"1", "8"})
  public int batch;

  private Conv conv;
  private List<Tensor> input;

  /** Seeded Kaiming-uniform weights, zero bias and a Gaussian input. */
  @Setup
  public void setup() {
    Random r = new Random(BenchFlags.SEED);
    Tensor w = Init.kaimingUniform(Shape.of(CHANNELS, CHANNELS, KERNEL, KERNEL), CHANNELS * KERNEL * KERNEL, r);
    conv = new Conv(w, Tensor.zeros(Shape.of(CHANNELS)), null, List.of(1, 1, 1, 1), null, 1);
    input = List.of(Tensor.randomNormal(Shape.of(batch, CHANNELS, SIDE, SIDE), 1f, r));
  }

  /** One forward call. */
  @Benchmark
  public Tensor conv3x3(FlopCounter flops) {
    Tensor y = conv.forward(input);
    flops.add((double) batch * CHANNELS * CHANNELS * KERNEL * KERNEL * SIDE * SIDE);
    return y;
  }
}
