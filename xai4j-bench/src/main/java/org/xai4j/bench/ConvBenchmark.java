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
 * One 3x3 convolution, C to C channels, padding 1, on a batch x C x S x S input, forward only:
 * {@code layer} "64x56" is ResNet's conv2_x layer, "512x28" and "512x14" VGG-16's conv4_2 and
 * conv5_x (whose Winograd tiles fit one chunk at batch 1). The primary score is calls per second
 * (milliseconds per call = 1000 / score); the {@code :gflop} secondary metric is GFLOP/s with
 * {@code 2 x C x C x 9 x S x S} per image (about 0.231 GFLOP for "64x56"). Throughput mode is used
 * because JMH normalizes the secondary metric by time only in that mode.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvBenchmark {
  private static final int KERNEL = 3;

  /** Channels x side of the square input, {@code C x S}. */
  @Param({"64x56", "512x28", "512x14"})
  public String layer;

  /** Images per call. */
  @Param({"1", "8"})
  public int batch;

  private Conv conv;
  private List<Tensor> input;
  private double multiplyAddsPerCall;

  /** Seeded Kaiming-uniform weights, zero bias and a Gaussian input. */
  @Setup
  public void setup() {
    String[] cs = layer.split("x");
    int channels = Integer.parseInt(cs[0]);
    int side = Integer.parseInt(cs[1]);
    Random r = new Random(BenchFlags.SEED);
    Tensor w = Init.kaimingUniform(Shape.of(channels, channels, KERNEL, KERNEL), channels * KERNEL * KERNEL, r);
    conv = new Conv(w, Tensor.zeros(Shape.of(channels)), null, List.of(1, 1, 1, 1), null, 1);
    input = List.of(Tensor.randomNormal(Shape.of(batch, channels, side, side), 1f, r));
    multiplyAddsPerCall = (double) batch * channels * channels * KERNEL * KERNEL * side * side;
  }

  /** One forward call. */
  @Benchmark
  public Tensor conv3x3(FlopCounter flops) {
    Tensor y = conv.forward(input);
    flops.add(multiplyAddsPerCall);
    return y;
  }
}
