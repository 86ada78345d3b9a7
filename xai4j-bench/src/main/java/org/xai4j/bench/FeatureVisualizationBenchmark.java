package org.xai4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xai4j.visualize.render.AscentResult;

/**
 * Feature visualization at Lucent's defaults on VGG-16 ({@link LucentDefaults}): milliseconds per
 * optimization step (forward to relu4_3, the reverse pass to the image, the transforms and the
 * Fourier parameterization both ways, the Adam update) at batch 1 and 4. Compare with
 * {@code ../shared/peers/scripts/time_lucent.py} in the same run: {@code xai4j-bench/fv-sidebyside.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class FeatureVisualizationBenchmark {
  /** Steps per call; the score is divided by it. */
  static final int STEPS = 4;

  /** Images optimized at once. */
  @Param({"1", "4"})
  public int batch;

  private LucentDefaults fv;

  /** Builds VGG-16 and the visualization. */
  @Setup
  public void setup() {
    fv = new LucentDefaults(Vgg16.build(BenchFlags.SEED), batch);
  }

  /** {@link #STEPS} steps of the loop from the same start. */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public AscentResult step() {
    return fv.run(STEPS);
  }
}
