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
import org.xai4j.kernel.Kernels;

/**
 * {@link Kernels#sgemm} on {@code C[M,N] = A[M,K] B[K,N]} (no transposes, beta 0) for a square
 * case and the GEMM shapes of ResNet-style convolutions (im2col: M = output channels,
 * K = input channels x 3 x 3, N = output pixels). The {@code :gflop} secondary metric is the
 * throughput in GFLOP/s ({@code 2 M N K} flops per call).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SgemmBenchmark {
  /** {@code MxKxN}. */
  @Param({"1024x1024x1024", "64x576x3136", "256x2304x196", "512x4608x49"})
  public String shape;

  private int m;
  private int k;
  private int n;
  private float[] a;
  private float[] b;
  private float[] c;

  /** Parses the shape and fills A and B with seeded Gaussian values. */
  @Setup
  public void setup() {
    String[] dims = shape.split("x");
    m = Integer.parseInt(dims[0]);
    k = Integer.parseInt(dims[1]);
    n = Integer.parseInt(dims[2]);
    Random r = new Random(BenchFlags.SEED);
    a = gaussian(m * k, r);
    b = gaussian(k * n, r);
    c = new float[m * n];
  }

  /** One product. */
  @Benchmark
  public float[] sgemm(FlopCounter flops) {
    Kernels.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    flops.add((double) m * n * k);
    return c;
  }

  static float[] gaussian(int size, Random r) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }
}
