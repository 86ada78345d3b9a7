package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A convolution's forward pass and input gradient have the same bits on any number of kernel
 * threads. The thread count is fixed per JVM, so the test runs the computation in child JVMs with
 * {@code -Dxai4j.threads=1} and {@code 3} and compares their hashes with this JVM's. Two
 * convolutions: a dilated 3x3 one, which takes the im2col path in both directions (2304 im2col rows,
 * 784 positions need two cache-sized chunks, which the parallel forward pass rounds up to a
 * multiple of the thread count: three chunks on three threads, two on one), and a plain 3x3 one at
 * 56 x 56, which takes {@link Winograd} in both directions: F(4x4, 3x3) by default (196 tiles), and in
 * a second pair of children F(2x2, 3x3) ({@code -Dxai4j.conv.winograd=2x2}; 784 tiles in four chunks
 * on one thread, six on three). The children use this JVM's kernels ({@link org.xai4j.kernel.Kernels#provider()}), so the comparison
 * is of thread counts only, never of vector against scalar kernels.
 */
class ThreadCountInvarianceTest {
  private static final int CHANNELS = 256;
  private static final int SIDE = 28;
  private static final int WINOGRAD_SIDE = 56;

  /** Entry point of the child JVMs: prints the hashes of the forward outputs and input gradients. */
  public static void main(String[] args) {
    System.out.println(hashes());
  }

  private static String hashes() {
    Random r = new Random(11);
    Conv dilated = new Conv(Tensor.randomNormal(Shape.of(CHANNELS, CHANNELS, 3, 3), 0.05f, r),
        Tensor.randomNormal(Shape.of(CHANNELS), 0.1f, r), null, List.of(2, 2, 2, 2), List.of(2, 2), 1);
    Conv plain = new Conv(Tensor.randomNormal(Shape.of(CHANNELS, CHANNELS, 3, 3), 0.05f, r),
        Tensor.randomNormal(Shape.of(CHANNELS), 0.1f, r), null, List.of(1, 1, 1, 1), null, 1);
    return hashes(dilated, SIDE, r) + " " + hashes(plain, WINOGRAD_SIDE, r);
  }

  private static String hashes(Conv conv, int side, Random r) {
    Tensor x = Tensor.randomNormal(Shape.of(1, CHANNELS, side, side), 1f, r);
    Tensor y = conv.forward(List.of(x));
    Tensor gy = Tensor.randomNormal(y.shape(), 1f, r);
    Tensor dx = conv.backward(new BackwardContext(List.of(x), y, List.of(true), false), gy).input(0);
    return Arrays.hashCode(y.toArray()) + " " + Arrays.hashCode(dx.toArray());
  }

  private static String childHashes(int threads, String... properties) throws IOException, InterruptedException {
    return ChildJvm.output(ThreadCountInvarianceTest.class, threads, properties);
  }

  @Test
  void convolutionBitsDoNotDependOnTheThreadCount() throws IOException, InterruptedException {
    String here = hashes();
    assertEquals(here, childHashes(1), "1 thread vs " + Parallelism.threads());
    assertEquals(here, childHashes(3), "3 threads vs " + Parallelism.threads());
  }

  @Test
  void twoByTwoWinogradBitsDoNotDependOnTheThreadCount() throws IOException, InterruptedException {
    String twoByTwo = "-D" + Winograd.PROPERTY + "=2x2";
    assertEquals(childHashes(1, twoByTwo), childHashes(3, twoByTwo), "F(2x2, 3x3), 1 thread vs 3");
  }
}
