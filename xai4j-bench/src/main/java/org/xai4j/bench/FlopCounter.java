package org.xai4j.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH secondary metric counting floating-point work: each benchmark call adds its GFLOP count
 * (2 flops per multiply-add), and JMH divides by the measured time, so the {@code :gflop} row of
 * the results reads directly in GFLOP/s (JMH labels it "ops/s").
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {
  /** Billions of floating-point operations done in this iteration. */
  public double gflop;

  /** Starts each iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    gflop = 0;
  }

  /** Adds the work of one call with {@code multiplyAdds} multiply-adds. */
  void add(double multiplyAdds) {
    gflop += 2 * multiplyAdds / 1e9;
  }
}
