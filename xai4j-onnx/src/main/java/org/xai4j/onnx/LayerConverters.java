package org.xai4j.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xai4j.op.Add;
import org.xai4j.op.AveragePool;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Gemm;
import org.xai4j.op.GlobalAveragePool;
import org.xai4j.op.InstanceNormalization;
import org.xai4j.op.LayerNormalization;
import org.xai4j.op.Lrn;
import org.xai4j.op.MatMul;
import org.xai4j.op.MaxPool;
import org.xai4j.op.PRelu;
import org.xai4j.op.Transpose;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Converters of layers with weights and of pooling. Weights given as initializers (or constants)
 * become the op's {@link org.xai4j.op.Parameters}: Gemm B/C, Conv and ConvTranspose W/B,
 * BatchNormalization scale/B/mean/var, InstanceNormalization scale/B, PRelu slope.
 */
final class LayerConverters {
  /** Opset from which MaxPool has dilations and ceil_mode. */
  static final int MAXPOOL_10 = 10;
  /** Opset from which BatchNormalization has training_mode (and no spatial attribute). */
  static final int BATCHNORM_14 = 14;
  /** Opset from which PRelu broadcasts its slope unidirectionally (NumPy style). */
  static final int PRELU_BROADCAST_OPSET = 7;
  private static final int MAX_SPATIAL_RANK = 2;
  private static final float BN_DEFAULT_EPSILON = 1e-5f;

  private LayerConverters() {}

  static void register(ConverterRegistry.Builder b) {
    b.add("Gemm", LayerConverters::gemm)
        .add("MatMul", DenseLayers::matMul)
        .add("Conv", LayerConverters::conv)
        .add("ConvTranspose", LayerConverters::convTranspose)
        .add("BatchNormalization", LayerConverters::batchNorm)
        .add("PRelu", LayerConverters::prelu)
        .add("InstanceNormalization", (n, ctx) -> ctx.emit(n, new InstanceNormalization(
            ctx.floatConstant(n, 1, "scale"), ctx.floatConstant(n, 2, "B"),
            n.attrFloat("epsilon", InstanceNormalization.DEFAULT_EPSILON)), 0))
        .add("LayerNormalization", (n, ctx) -> ctx.emit(n, new LayerNormalization(
            ctx.floatConstant(n, 1, "Scale"), ctx.optionalFloatConstant(n, 2, "B"),
            n.attrInt32("axis", LayerNormalization.DEFAULT_AXIS),
            n.attrFloat("epsilon", LayerNormalization.DEFAULT_EPSILON)), 0))
        .add("LRN", (n, ctx) -> {
          if (!n.has("size")) {
            throw n.error("has no size");
          }
          ctx.emit(n, new Lrn(n.attrInt32("size", 0), n.attrFloat("alpha", Lrn.DEFAULT_ALPHA),
              n.attrFloat("beta", Lrn.DEFAULT_BETA), n.attrFloat("bias", Lrn.DEFAULT_BIAS)), 0);
        })
        .add("MaxPool", LayerConverters::maxPool)
        .add("AveragePool", LayerConverters::averagePool)
        .unary("GlobalAveragePool", GlobalAveragePool::new);
  }

  /** Gemm: B becomes the {@code weight}, the optional C the {@code bias}; defaults alpha = beta = 1. */
  private static void gemm(OnnxNode n, ImportContext ctx) {
    if (!ctx.isStatic(n, 1)) {
      gemmOfComputedB(n, ctx);
      return;
    }
    Gemm op = new Gemm(ctx.floatConstant(n, 1, "B, the weight"),
        ctx.optionalFloatConstant(n, 2, "C, the bias"),
        n.attrInt("transA", 0) != 0, n.attrInt("transB", 0) != 0,
        n.attrFloat("alpha", 1f), n.attrFloat("beta", 1f));
    ctx.emit(n, op, 0);
  }

  /**
   * Gemm whose B is computed (PyTorch {@code mm}/{@code addmm} of two activations): MatMul of the
   * (transposed where asked) operands, plus C unless beta = 0; only alpha = 1 and beta in {0, 1}
   * are supported.
   */
  private static void gemmOfComputedB(OnnxNode n, ImportContext ctx) {
    float beta = n.attrFloat("beta", 1f);
    if (n.attrFloat("alpha", 1f) != 1f || (beta != 1f && beta != 0f)) {
      throw n.unsupported("alpha other than 1 or beta other than 0 and 1 with a computed B are not supported");
    }
    String out = n.output();
    String a = ctx.dynamic(n, 0);
    String b = ctx.dynamic(n, 1);
    if (n.attrInt("transA", 0) != 0) {
      a = ctx.emitAs(n, out + "/transA", Transpose.of(1, 0), List.of(a));
    }
    if (n.attrInt("transB", 0) != 0) {
      b = ctx.emitAs(n, out + "/transB", Transpose.of(1, 0), List.of(b));
    }
    if (!n.hasInput(2) || beta == 0f) {
      ctx.emitAs(n, out, new MatMul(), List.of(a, b));
      return;
    }
    String product = ctx.emitAs(n, out + "/matmul", new MatMul(), List.of(a, b));
    ctx.emitAs(n, out, new Add(), List.of(product, ctx.dynamic(n, 2)));
  }

  /**
   * PRelu; before opset 7 a vector slope of C values applies per channel (axis 1), which is
   * written as the unidirectional broadcast of a {@code [C, 1, ..., 1]} slope.
   */
  private static void prelu(OnnxNode n, ImportContext ctx) {
    Tensor slope = ctx.floatConstant(n, 1, "slope");
    int rank = ctx.shape(n, 0, 0).rank();
    if (n.opset() < PRELU_BROADCAST_OPSET && slope.rank() == 1 && slope.size() > 1 && rank > 2) {
      int[] dims = new int[rank - 1];
      Arrays.fill(dims, 1);
      dims[0] = slope.size();
      slope = slope.reshape(Shape.of(dims));
    }
    ctx.emit(n, new PRelu(slope), 0);
  }

  private static void requireWeightRank(OnnxNode n, Tensor weight) {
    if (weight.rank() < 3 || weight.rank() > MAX_SPATIAL_RANK + 2) {
      throw n.unsupported("weight " + weight.shape() + " has rank " + weight.rank() + "; a 1-D or 2-D window needs "
          + "rank 3 or 4 ([M, C/group, kernel...])");
    }
  }

  private static void requireSpatialRank(OnnxNode n, int rank) {
    if (rank < 1 || rank > MAX_SPATIAL_RANK) {
      throw n.unsupported(rank + "-D windows are not supported (1-D and 2-D only)");
    }
  }

  private static List<Integer> list(int[] a) {
    return a == null ? null : Arrays.stream(a).boxed().toList();
  }

  /**
   * Explicit pads for the ONNX {@code auto_pad} attribute (NOTSET: the {@code pads} attribute),
   * computed from the static spatial extents of input 0.
   */
  private static List<Integer> pads(OnnxNode n, ImportContext ctx, int[] kernel, int[] strides, int[] dilations) {
    String autoPad = n.attrString("auto_pad", "NOTSET");
    int rank = kernel.length;
    switch (autoPad) {
      case "NOTSET":
        return list(n.attrIntArray("pads", null));
      case "VALID":
        return list(new int[2 * rank]);
      case "SAME_UPPER":
      case "SAME_LOWER":
        break;
      default:
        throw n.unsupported("auto_pad '" + autoPad + "' is not supported");
    }
    Shape x = ctx.shape(n, 0, 0);
    int[] pads = new int[2 * rank];
    for (int i = 0; i < rank; i++) {
      int in = x.dim(2 + i);
      if (in != ctx.shape(n, 0, 1).dim(2 + i)) {
        throw n.unsupported("auto_pad " + autoPad + " on a dynamic spatial extent");
      }
      int s = strides == null ? 1 : strides[i];
      int d = dilations == null ? 1 : dilations[i];
      int out = (in + s - 1) / s;
      int total = Math.max(0, (out - 1) * s + (kernel[i] - 1) * d + 1 - in);
      int small = total / 2;
      pads[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
      pads[rank + i] = total - pads[i];
    }
    return list(pads);
  }

  private static int[] spatialKernel(Tensor weight) {
    int[] dims = weight.shape().toArray();
    return Arrays.copyOfRange(dims, 2, dims.length);
  }

  private static void conv(OnnxNode n, ImportContext ctx) {
    Tensor w = ctx.floatConstant(n, 1, "W, the weight");
    requireWeightRank(n, w);
    int[] kernel = spatialKernel(w);
    int[] strides = n.attrIntArray("strides", null);
    int[] dilations = n.attrIntArray("dilations", null);
    ctx.emit(n, new Conv(w, ctx.optionalFloatConstant(n, 2, "B, the bias"), list(strides),
        pads(n, ctx, kernel, strides, dilations), list(dilations), n.attrInt32("group", 1)), 0);
  }

  private static void convTranspose(OnnxNode n, ImportContext ctx) {
    Tensor w = ctx.floatConstant(n, 1, "W, the weight");
    requireWeightRank(n, w);
    if (n.has("output_shape") || !n.attrString("auto_pad", "NOTSET").equals("NOTSET")) {
      throw n.unsupported("output_shape and auto_pad are not supported; give pads and output_padding");
    }
    ctx.emit(n, new ConvTranspose(w, ctx.optionalFloatConstant(n, 2, "B, the bias"),
        list(n.attrIntArray("strides", null)), list(n.attrIntArray("pads", null)),
        list(n.attrIntArray("output_padding", null)), list(n.attrIntArray("dilations", null)),
        n.attrInt32("group", 1)), 0);
  }

  private static void batchNorm(OnnxNode n, ImportContext ctx) {
    if (n.opset() >= BATCHNORM_14 && n.attrInt("training_mode", 0) != 0) {
      throw n.unsupported("training_mode = 1 is not supported (inference only)");
    }
    if (n.attrInt("spatial", 1) == 0) {
      throw n.unsupported("spatial = 0 (per-activation statistics) is not supported");
    }
    ctx.emit(n, new BatchNormalization(ctx.floatConstant(n, 1, "scale"), ctx.floatConstant(n, 2, "B"),
        ctx.floatConstant(n, 3, "mean"), ctx.floatConstant(n, 4, "var"),
        n.attrFloat("epsilon", BN_DEFAULT_EPSILON)), 0);
  }

  private static int[] kernelShape(OnnxNode n) {
    int[] k = n.attrIntArray("kernel_shape", null);
    if (k == null) {
      throw n.error("has no kernel_shape");
    }
    requireSpatialRank(n, k.length);
    return k;
  }

  private static void maxPool(OnnxNode n, ImportContext ctx) {
    int[] kernel = kernelShape(n);
    if (n.attrInt("storage_order", 0) != 0) {
      throw n.unsupported("storage_order = 1 is not supported");
    }
    int[] strides = n.attrIntArray("strides", null);
    int[] dilations = n.opset() >= MAXPOOL_10 ? n.attrIntArray("dilations", null) : null;
    ctx.emit(n, new MaxPool(list(kernel), list(strides), pads(n, ctx, kernel, strides, dilations),
        list(dilations), n.attrInt("ceil_mode", 0) != 0), 0);
  }

  private static void averagePool(OnnxNode n, ImportContext ctx) {
    int[] kernel = kernelShape(n);
    int[] strides = n.attrIntArray("strides", null);
    if (n.has("dilations") && Arrays.stream(n.attrIntArray("dilations", null)).anyMatch(d -> d != 1)) {
      throw n.unsupported("dilated average pooling is not supported");
    }
    List<Integer> pads = pads(n, ctx, kernel, strides, null);
    ctx.emit(n, new AveragePool(list(kernel), list(strides), pads == null ? null : new ArrayList<>(pads),
        n.attrInt("ceil_mode", 0) != 0, n.attrInt("count_include_pad", 0) != 0), 0);
  }
}
