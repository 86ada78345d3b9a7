package org.xai4j.bench;

import org.xai4j.visualize.render.AscentResult;

/**
 * A quick per-step timing of {@link LucentDefaults} outside JMH, for profiling and for the
 * side-by-side script: builds VGG-16, warms up, then prints the wall time per step of each call.
 *
 * <pre>{@code
 * java --add-modules=jdk.incubator.vector -Xms6g -Xmx6g -cp xai4j-bench/target/benchmarks.jar \
 *     org.xai4j.bench.FeatureVisualizationTime 1 3 10
 * }</pre>
 *
 * Arguments: the batch size, the number of timed calls, the steps per call.
 */
public final class FeatureVisualizationTime {
  private static final double NANOS_PER_MILLI = 1e6;
  private static final int WARMUP_STEPS = 3;

  private FeatureVisualizationTime() {}

  /** Runs the timing; see the class documentation for the arguments. */
  public static void main(String[] args) {
    int batch = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    LucentDefaults fv = new LucentDefaults(Vgg16.build(BenchFlags.SEED), batch);
    fv.run(WARMUP_STEPS);
    for (int c = 0; c < calls; c++) {
      long t = System.nanoTime();
      AscentResult r = fv.run(steps);
      double ms = (System.nanoTime() - t) / NANOS_PER_MILLI / steps;
      System.out.printf("xai4j fv vgg16 relu4_3 ch5 batch %d call %d: %.1f ms/step (%d steps, last value %.4f)%n",
          batch, c, ms, steps, r.lastValue());
    }
  }
}
