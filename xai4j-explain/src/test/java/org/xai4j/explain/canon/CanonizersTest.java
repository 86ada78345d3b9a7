package org.xai4j.explain.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Add;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Constant;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Gemm;
import org.xai4j.op.Op;
import org.xai4j.op.Relu;
import org.xai4j.op.Variadic;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

/** Every canonizer preserves the model's outputs (relative 1e-5) and rewrites what it should. */
class CanonizersTest {
  private static final double TOLERANCE = 1e-5;
  private final Random random = new Random(23);

  private Tensor normal(float std, int... dims) {
    return Tensor.randomNormal(Shape.of(dims), std, random);
  }

  /** A batch norm with non-trivial statistics over {@code c} channels. */
  private BatchNormalization batchNorm(int c) {
    Tensor var = Tensor.randomUniform(Shape.of(c), 0.3f, 2f, random);
    return new BatchNormalization(normal(1f, c), normal(0.5f, c), normal(0.5f, c), var, 1e-3f);
  }

  private static void assertSameOutputs(Graph before, Graph after, Tensor x) {
    Tensor a = before.forward(x).output();
    Tensor b = after.forward(x).output();
    assertTrue(a.maxAbsDifference(b) <= TOLERANCE * a.maxAbs(),
        "outputs differ by " + a.maxAbsDifference(b) + " (max " + a.maxAbs() + ")");
  }

  private static long count(Graph g, Class<? extends Op> type) {
    return g.nodes().stream().filter(n -> type.isInstance(n.op())).count();
  }

  private Graph linearThenBatchNorm(Op linear, int channels, int... inputDims) {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", inputDims);
    String l = b.add("linear", linear, x);
    String n = b.add("bn", batchNorm(channels), l);
    return b.output(b.relu("relu", n)).build();
  }

  @Test
  void mergesBatchNormIntoConvolutionsWithAndWithoutBias() {
    for (Tensor bias : new Tensor[] {null, normal(0.3f, 4)}) {
      Conv conv = new Conv(normal(0.5f, 4, 3, 3, 3), bias, List.of(2, 2), List.of(1, 1, 1, 1), null, 1);
      Graph g = linearThenBatchNorm(conv, 4, -1, 3, 7, 7);
      Graph merged = Canonizers.mergeBatchNorm().apply(g);
      assertEquals(0, count(merged, BatchNormalization.class));
      assertEquals(List.of("x"), merged.node("linear").inputs());
      assertEquals(List.of("linear"), merged.node("relu").inputs());
      assertTrue(((Conv) merged.node("linear").op()).bias() != null);
      assertSameOutputs(g, merged, normal(1f, 2, 3, 7, 7));
    }
  }

  @Test
  void mergesBatchNormIntoGroupedTransposedConvolutions() {
    ConvTranspose t = new ConvTranspose(normal(0.5f, 4, 3, 3, 3), null, List.of(2, 2), null, null, null, 2);
    Graph g = linearThenBatchNorm(t, 6, -1, 4, 4, 4);
    Graph merged = Canonizers.mergeBatchNorm().apply(g);
    assertEquals(0, count(merged, BatchNormalization.class));
    assertSameOutputs(g, merged, normal(1f, 2, 4, 4, 4));
  }

  @Test
  void mergesBatchNormIntoDenseLayersOfEitherLayout() {
    Gemm linear = Gemm.linear(normal(0.5f, 5, 3), normal(0.3f, 5));
    Gemm plain = new Gemm(normal(0.5f, 3, 5), normal(0.3f, 5), false, false, 0.5f, 2f);
    for (Gemm gemm : List.of(linear, plain)) {
      Graph g = linearThenBatchNorm(gemm, 5, -1, 3);
      Graph merged = Canonizers.mergeBatchNorm().apply(g);
      assertEquals(0, count(merged, BatchNormalization.class));
      assertSameOutputs(g, merged, normal(1f, 4, 3));
    }
  }

  @Test
  void keepsABatchNormWithoutLinearPredecessorAsExplicitAffine() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 3, 5, 5);
    String conv = b.add("conv", Conv.of(normal(0.5f, 3, 3, 1, 1), null), x);
    String bnAfterRelu = b.add("bn1", batchNorm(3), b.relu("relu", conv));
    String bnShared = b.add("bn2", batchNorm(3), conv); // conv also feeds relu: cannot be merged
    Graph g = b.output(b.add("sum", new Add(), bnAfterRelu, bnShared)).build();
    Graph canonized = Canonizers.standard().apply(g);
    assertEquals(0, count(canonized, BatchNormalization.class));
    assertInstanceOf(ChannelAffine.class, canonized.node("bn1").op());
    assertInstanceOf(ChannelAffine.class, canonized.node("bn2").op());
    assertSameOutputs(g, canonized, normal(1f, 2, 3, 5, 5));
  }

  @Test
  void turnsResidualAdditionsIntoSumsButKeepsConstantAdditions() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 4);
    String h = b.relu("relu", b.linear("fc", x, 4, 4));
    String residual = b.add("residual", new Add(), h, x);
    String offset = b.add("offset", new Constant(normal(1f, 4)));
    Graph g = b.output(b.add("shifted", new Add(), residual, offset)).build();
    Graph canonized = Canonizers.residualSum().apply(g);
    assertInstanceOf(Variadic.class, canonized.node("residual").op());
    assertEquals("Sum", canonized.node("residual").op().type());
    assertInstanceOf(Add.class, canonized.node("shifted").op());
    assertSameOutputs(g, canonized, normal(1f, 3, 4));
  }

  @Test
  void channelAffineGradientsMatchFiniteDifferences() {
    GradientCheck.standard().check(new ChannelAffine(normal(1f, 3), normal(1f, 3)), normal(1f, 2, 3, 2, 2));
    GradientCheck.standard().check(new ChannelAffine(normal(1f, 3), normal(1f, 3)), normal(1f, 4, 3));
  }

  @Test
  void canonizersLeaveTheirInputGraphUnchanged() {
    Graph g = linearThenBatchNorm(Conv.of(normal(0.5f, 2, 1, 3, 3), null), 2, -1, 1, 5, 5);
    String before = g.toString();
    Canonizers.standard().apply(g);
    assertEquals(before, g.toString());
    assertInstanceOf(Relu.class, g.node("relu").op());
  }
}
