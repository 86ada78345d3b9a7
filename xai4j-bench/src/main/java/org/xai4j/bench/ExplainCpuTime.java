package org.xai4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A load-independent check of the explanation benchmarks: runs one explanation of VGG-16 several
 * times on the calling thread and prints the CPU time of that thread ({@link ThreadMXBean}) and the
 * wall time per call, plus a bit-exact checksum of the relevance (to confirm that an optimization
 * left the numbers unchanged). Run with {@code -Dxai4j.threads=1} so that all work is on this
 * thread.
 *
 * <pre>{@code
 * java --add-modules=jdk.incubator.vector -Xms6g -Xmx6g -XX:+AlwaysPreTouch -Dxai4j.threads=1 \
 *     -cp xai4j-bench/target/benchmarks.jar org.xai4j.bench.ExplainCpuTime epsilon-plus-flat 1 3
 * }</pre>
 *
 * Arguments: the method (a name of {@link Vgg16Explanations}), the batch size, the number of calls.
 */
public final class ExplainCpuTime {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final double NANOS_PER_MILLI = 1e6;

  private ExplainCpuTime() {}

  /** Runs the check; see the class documentation for the arguments. */
  public static void main(String[] args) {
    String method = args[0];
    int batch = Integer.parseInt(args[1]);
    int calls = Integer.parseInt(args[2]);
    Vgg16 model = Vgg16.build(BenchFlags.SEED);
    Tensor images = Tensor.randomNormal(Shape.of(batch, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f, new Random(BenchFlags.SEED));
    Supplier<Tensor> explain = Vgg16Explanations.of(method, model, images);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int c = 0; c < calls; c++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      Tensor r = explain.get();
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / NANOS_PER_MILLI;
      double wallMs = (System.nanoTime() - wall) / NANOS_PER_MILLI;
      System.out.printf("%s batch %d call %d: cpu %.0f ms, wall %.0f ms, checksum %08x%n",
          method, batch, c, cpuMs, wallMs, Arrays.hashCode(INTERNALS.array(r)));
    }
  }
}
