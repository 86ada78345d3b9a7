package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Conv2dOptions;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The ReLU fusion of {@link Backprop} ({@link ReluMaskedBackward}): with a keep set, every
 * delivered signal has the bits of the unfused pass, on every path of the fused writers (the
 * convolution's input gradient by Winograd, by im2col, pointwise and by col2im; max-pool; Gemm), at
 * batch 1 and 3 and on 1 and 2 kernel threads; nothing fuses where the ReLU's output has a second
 * reader, a rule, or is kept; and the fused gradient matches finite differences.
 */
class ReluFusionTest {
  private static final float[] SPECIAL = {
    Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
    Float.MIN_NORMAL, 1f, -1f
  };
  /** The ReLUs of {@link #vggLike} whose backward fuses into their reader's. */
  private static final Set<String> FUSED = Set.of("relu1", "relu2", "relu3", "relu4", "relu5", "relu6");

  /**
   * conv-relu-conv-relu-...-maxpool-flatten-gemm-relu-gemm, whose ReLUs feed every fused writer:
   * conv2 (3x3, unit stride: its input gradient runs by Winograd, F(2x2) at 16 channels, F(4x4) at
   * 128 on 26 x 26), conv3 (dilated: the flipped kernel by im2col), conv4 (1x1: the flipped kernel
   * pointwise), conv5 (stride 2: GEMM and col2im), the max-pool and fc2. conv1 reads the graph input,
   * which is not a ReLU.
   */
  static Graph vggLike(int channels, int side, long seed) {
    GraphBuilder b = Graph.builder().seed(seed);
    String x = b.input("x", -1, 3, side, side);
    String h = b.relu("relu1", b.conv2d("conv1", x, 3, channels, 3, 1, 1));
    h = b.relu("relu2", b.conv2d("conv2", h, channels, channels, 3, 1, 1));
    h = b.relu("relu3", b.conv2d("conv3", h, channels, channels, 3, Conv2dOptions.of(1, 2).withDilation(2)));
    h = b.relu("relu4", b.conv2d("conv4", h, channels, channels, 1, 1, 0));
    h = b.relu("relu5", b.conv2d("conv5", h, channels, channels, 3, 2, 1));
    h = b.maxPool2d("pool", h, 2, 2, 0);
    h = b.add("flat", new Flatten(1), h);
    int pooled = (side + 1) / 2 / 2;
    h = b.relu("relu6", b.linear("fc1", h, channels * pooled * pooled, 32));
    return b.output(b.linear("fc2", h, 32, 10)).build();
  }

  /** Normal values with some exact zeros of both signs. */
  private static Tensor image(int batch, int side, Random r) {
    float[] d = Tensor.randomNormal(Shape.of(batch, 3, side, side), 1f, r).toArray();
    for (int i = 0; i < d.length; i += 7) {
      d[i] = i % 2 == 0 ? 0f : -0f;
    }
    return Tensor.of(Shape.of(batch, 3, side, side), d);
  }

  private static int[] bits(Tensor t) {
    return bits(t, false);
  }

  /**
   * The raw bits of every element, or with {@code canonicalNaN} every NaN made the canonical one:
   * Java does not fix the sign or payload of a NaN that arithmetic produces, and the JIT may order
   * the operands of a sum differently in two compilations of the same loop, so two runs of one
   * backward may give NaNs of either sign.
   */
  private static int[] bits(Tensor t, boolean canonicalNaN) {
    float[] d = t.toArray();
    int[] b = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      b[i] = canonicalNaN ? Float.floatToIntBits(d[i]) : Float.floatToRawIntBits(d[i]);
    }
    return b;
  }

  /** The cases of {@link #fusedPassHasTheBitsOfTheUnfusedOne}: width, side and batch. */
  private static final int[][] CASES = {{16, 16, 1}, {16, 16, 3}, {128, 26, 1}, {128, 26, 2}};

  /**
   * Per case, the hash of the fused input gradient, after asserting that it and every other kept
   * value have the bits of the unfused pass and that exactly {@link #FUSED} was fused away.
   */
  private static List<Integer> fusedEqualsUnfused() {
    List<Integer> hashes = new ArrayList<>();
    for (int[] c : CASES) {
      Graph g = vggLike(c[0], c[1], 3);
      Random r = new Random(c[0] + c[1] + c[2]);
      Trace trace = g.forward(image(c[2], c[1], r));
      Map<String, Tensor> seeds = Map.of("fc2", Tensor.randomNormal(trace.output().shape(), 1f, r));
      BackwardResult all = Backprop.run(trace, seeds, NodeRules.none(), false);
      BackwardResult fused = Backprop.run(trace, seeds, NodeRules.none(), false, Set.of("x"));
      String where = Arrays.toString(c) + " on " + Parallelism.threads() + " thread(s)";
      for (Node n : g.nodes()) {
        assertEquals(!FUSED.contains(n.name()), fused.kept(n.name()), n.name() + " kept, " + where);
        assertTrue(fused.reached(n.name()), n.name());
        if (fused.kept(n.name())) {
          assertArrayEquals(bits(all.at(n.name())), bits(fused.at(n.name())), n.name() + ", " + where);
        }
      }
      assertArrayEquals(bits(all.at("x")), bits(fused.at("x")), "input gradient, " + where);
      hashes.add(Arrays.hashCode(bits(fused.at("x"))));
    }
    return hashes;
  }

  /** Entry point of the child JVMs: the hashes of {@link #fusedEqualsUnfused}, or its failure. */
  public static void main(String[] args) {
    System.out.println(fusedEqualsUnfused());
  }

  @Test
  void fusedPassHasTheBitsOfTheUnfusedOne() throws IOException, InterruptedException {
    String here = fusedEqualsUnfused().toString();
    assertEquals(here, ChildJvm.output(ReluFusionTest.class, 1), "1 thread vs " + Parallelism.threads());
    assertEquals(here, ChildJvm.output(ReluFusionTest.class, 2), "2 threads vs " + Parallelism.threads());
  }

  /**
   * Each fused writer against its op's backward followed by the ReLU's, on ReLU inputs and output
   * gradients with NaN, signed zeros, infinities and subnormals: the mask read from the ReLU's
   * output has the bits of the one the ReLU reads from its input.
   */
  @Test
  void fusedWritersMaskAsTheReluDoesOnSpecialValues() {
    Random r = new Random(21);
    Conv3x3 conv = (channels, options) -> new Conv(Tensor.randomNormal(Shape.of(channels, channels, 3, 3), 0.1f, r),
        null, List.of(options.stride(), options.stride()), List.of(options.padding(), options.padding(),
            options.padding(), options.padding()), List.of(options.dilation(), options.dilation()), 1);
    // F(2x2): 1089 tiles in a grid 33 wide, in 18 chunks of 61 tiles that mostly start
    // inside a row of tiles; the last column clipped
    check(conv.of(64, Conv2dOptions.of(1, 1)), Shape.of(1, 64, 65, 65), r);
    // F(4x4) on 26 x 26: the last tile row and column clipped
    check(conv.of(128, Conv2dOptions.of(1, 1)), Shape.of(2, 128, 26, 26), r);
    check(conv.of(16, Conv2dOptions.of(1, 2).withDilation(2)), Shape.of(2, 16, 9, 9), r);
    check(new Conv(Tensor.randomNormal(Shape.of(16, 16, 1, 1), 0.3f, r), null, null, null, null, 1),
        Shape.of(2, 16, 5, 5), r);
    check(conv.of(16, Conv2dOptions.of(2, 1)), Shape.of(2, 16, 9, 9), r);
    check(MaxPool.square(3, 2, 1), Shape.of(2, 4, 9, 9), r);
    check(Gemm.linear(Tensor.randomNormal(Shape.of(7, 40), 0.3f, r), Tensor.randomNormal(Shape.of(7), 0.1f, r)),
        Shape.of(3, 40), r);
    check(new Gemm(Tensor.randomNormal(Shape.of(7, 40), 0.3f, r), null, true, true, 0.5f, 0f), Shape.of(40, 3), r);
  }

  @FunctionalInterface
  private interface Conv3x3 {
    Conv of(int channels, Conv2dOptions options);
  }

  private static void check(Op op, Shape input, Random r) {
    Relu relu = new Relu();
    float[] xs = Tensor.randomNormal(input, 1f, r).toArray();
    for (int i = 0; i < xs.length; i += 5) {
      xs[i] = SPECIAL[r.nextInt(SPECIAL.length)];
    }
    Tensor x = Tensor.of(input, xs);
    Tensor a = relu.forward(List.of(x));
    Tensor y = op.forward(List.of(a));
    float[] gs = Tensor.randomNormal(y.shape(), 1f, r).toArray();
    for (int i = 0; i < gs.length; i += 53) {
      gs[i] = SPECIAL[r.nextInt(SPECIAL.length)];
    }
    Tensor g = Tensor.of(y.shape(), gs);
    BackwardContext ctx = new BackwardContext(List.of(a), y, List.of(true), false);
    Tensor separate = relu.backward(new BackwardContext(List.of(x), a, List.of(true), false),
        op.backward(ctx, g).input(0)).input(0);
    Tensor fused = ((ReluMaskedBackward) op).backwardMasked(ctx, g).input(0);
    assertArrayEquals(bits(separate, true), bits(fused, true), op + " on " + input);
  }

  /** A second reader, a rule on either node, or a kept ReLU output: nothing fuses, and the bits are the same. */
  @Test
  void nothingFusesWhereItWouldBeVisible() {
    GraphBuilder b = Graph.builder().seed(4);
    String x = b.input("x", -1, 16, 8, 8);
    String a = b.relu("a", b.conv2d("c1", x, 16, 16, 3, 1, 1));
    String c = b.conv2d("c2", a, 16, 16, 3, 1, 1);
    String s = b.relu("s", b.add("sum", new Add(), a, c));
    Graph residual = b.output(b.conv2d("c3", s, 16, 16, 3, 1, 1)).build();
    Trace trace = residual.forward(Tensor.randomNormal(Shape.of(2, 16, 8, 8), 1f, new Random(5)));
    Map<String, Tensor> seeds = Map.of("c3", Tensor.randomNormal(trace.output().shape(), 1f, new Random(6)));
    BackwardResult all = Backprop.run(trace, seeds, NodeRules.none(), false);
    BackwardResult fused = Backprop.run(trace, seeds, NodeRules.none(), false, Set.of("x"));
    assertTrue(fused.kept("a"), "a has two readers, c2 and sum");
    assertFalse(fused.kept("s"), "s has one reader, c3");
    assertArrayEquals(bits(all.at("a")), bits(fused.at("a")));
    assertArrayEquals(bits(all.at("x")), bits(fused.at("x")));

    BackwardRule gradient = BackwardRule.gradient();
    for (NodeRules rules : List.of(NodeRules.byName(Map.of("s", gradient)), NodeRules.byName(Map.of("c3", gradient)))) {
      BackwardResult ruled = Backprop.run(trace, seeds, rules, false, Set.of("x"));
      assertTrue(ruled.kept("s"), "a rule on the ReLU or its reader");
      assertArrayEquals(bits(all.at("s")), bits(ruled.at("s")));
      assertArrayEquals(bits(all.at("x")), bits(ruled.at("x")));
    }
    BackwardResult kept = Backprop.run(trace, seeds, NodeRules.none(), false, Set.of("x", "s"));
    assertTrue(kept.kept("s"));
    assertArrayEquals(bits(all.at("s")), bits(kept.at("s")));
    Trace partial = residual.forward(Map.of("x", trace.get("x")), List.of("s"));
    BackwardResult seeded = Backprop.run(partial, Map.of("s", all.at("s")), NodeRules.none(), false, Set.of("x"));
    assertTrue(seeded.kept("s"), "a seeded ReLU output");
    assertArrayEquals(bits(all.at("x")), bits(seeded.at("x")));
  }

  @Test
  void aFusedAwayValueFailsNamingItAndTheKeepSet() {
    Graph g = vggLike(16, 16, 3);
    Trace trace = g.forward(image(1, 16, new Random(8)));
    BackwardResult fused = Backprop.run(trace, Map.of("fc2", Tensor.zeros(trace.output().shape()).add(1f)),
        NodeRules.none(), false, Set.of("x"));
    OpAssertions.assertMessage(() -> fused.at("relu3"), "'relu3' was not kept", "keep set");
    OpAssertions.assertMessage(() -> Backprop.run(trace, Map.of(), NodeRules.none(), false, Set.of("nope")),
        "keep names 'nope'");
  }

  /**
   * The fused input gradient of {@code <u, vggLike(x)>} against central differences in double
   * precision, as {@link org.xai4j.testing.GradientCheck} checks ops.
   */
  @Test
  void fusedGradientMatchesFiniteDifferences() {
    Graph g = vggLike(16, 16, 9);
    Random r = new Random(10);
    Tensor x = Tensor.randomNormal(Shape.of(1, 3, 16, 16), 1f, r);
    Trace trace = g.forward(x);
    Tensor u = Tensor.randomUniform(trace.output().shape(), -1f, 1f, r);
    BackwardResult fused = Backprop.run(trace, Map.of("fc2", u), NodeRules.none(), false, Set.of("x"));
    assertFalse(fused.kept("relu2"));
    Tensor grad = fused.at("x");
    double h = 1e-3;
    float[] base = x.toArray();
    for (int k = 0; k < 48; k++) {
      int i = r.nextInt(base.length);
      float[] up = base.clone();
      float[] down = base.clone();
      up[i] += (float) h;
      down[i] -= (float) h;
      double numeric = (loss(g, up, x.shape(), u) - loss(g, down, x.shape(), u)) / ((double) up[i] - down[i]);
      assertEquals(numeric, grad.getFlat(i), 2e-3 * Math.max(1, Math.abs(numeric)), "d<u, y>/dx at " + i);
    }
  }

  private static double loss(Graph g, float[] x, Shape shape, Tensor u) {
    Tensor y = g.forward(Tensor.of(shape, x)).output();
    double s = 0;
    for (int i = 0; i < y.size(); i++) {
      s += (double) y.getFlat(i) * u.getFlat(i);
    }
    return s;
  }
}
