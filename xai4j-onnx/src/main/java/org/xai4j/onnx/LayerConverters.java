package org.xai4j.onnx;

import org.xai4j.op.Add;
import org.xai4j.op.Gemm;
import org.xai4j.op.Relu;

/**
 * Converters of layers with weights and of activations. Weights given as initializers (or
 * constants) become the op's {@link org.xai4j.op.Parameters}.
 */
final class LayerConverters {
  private LayerConverters() {}

  static void register(ConverterRegistry.Builder b) {
    b.add("Gemm", LayerConverters::gemm)
        .add("Relu", (n, ctx) -> ctx.emit(n, new Relu(), 0))
        .add("Add", (n, ctx) -> ctx.emit(n, new Add(), 0, 1));
  }

  /** Gemm: B becomes the {@code weight}, the optional C the {@code bias}; defaults alpha = beta = 1. */
  private static void gemm(OnnxNode n, ImportContext ctx) {
    Gemm op = new Gemm(ctx.floatConstant(n, 1, "B, the weight"),
        ctx.optionalFloatConstant(n, 2, "C, the bias"),
        n.attrInt("transA", 0) != 0, n.attrInt("transB", 0) != 0,
        n.attrFloat("alpha", 1f), n.attrFloat("beta", 1f));
    ctx.emit(n, op, 0);
  }
}
