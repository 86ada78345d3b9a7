package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.kernel.Kernels;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * General matrix multiplication as in ONNX {@code Gemm}:
 * {@code Y = alpha * op(A) * op(W) + beta * bias}, where A is the input, W the {@code weight}
 * parameter and the optional {@code bias} broadcasts to {@code [M, N]}. A fully connected layer
 * (PyTorch {@code Linear}) is {@code transB = true} with {@code weight} of shape {@code [out, in]}.
 *
 * @param weight the matrix B, {@code [K, N]} or, with {@code transB}, {@code [N, K]}
 * @param bias the optional matrix C (broadcastable to {@code [M, N]}), or {@code null}
 * @param transA whether the input is transposed
 * @param transB whether the weight is transposed
 * @param alpha scale of the product
 * @param beta scale of the bias
 */
public record Gemm(Tensor weight, Tensor bias, boolean transA, boolean transB, float alpha, float beta)
    implements Op, ReluMaskedBackward {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /**
   * Up to this many rows of the input, a transposed weight ({@code [N, K]}, the usual fully
   * connected layer) is multiplied as {@code Y^T = W A^T}, so the kernel reads the weight in place
   * instead of packing (copying) all of it for a product in which each weight element serves only
   * this many multiply-adds; at batch 1 the 25088 x 4096 first classifier layer of VGG-16 is 411 MB.
   * The sums are accumulated in the same order, so the result is identical.
   */
  static final int SWAP_MAX_ROWS = 64;

  /** Validates the weight rank. */
  public Gemm {
    if (weight.rank() != 2) {
      throw new IllegalArgumentException("Gemm: weight must be a matrix, got shape " + weight.shape());
    }
  }

  /** A fully connected layer: {@code y = x W^T + b} with W of shape {@code [out, in]}. */
  public static Gemm linear(Tensor weight, Tensor bias) {
    return new Gemm(weight, bias, false, true, 1f, 1f);
  }

  @Override
  public String type() {
    return "Gemm";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(Parameters.WEIGHT, weight, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new Gemm(p.get(Parameters.WEIGHT), p.getOrNull(Parameters.BIAS), transA, transB, alpha, beta);
  }

  private int k() {
    return transB ? weight.shape().dim(1) : weight.shape().dim(0);
  }

  private int n() {
    return transB ? weight.shape().dim(0) : weight.shape().dim(1);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape a = inputs.get(0);
    OpChecks.rank(type(), "input", a, 2);
    int m = transA ? a.dim(1) : a.dim(0);
    int ka = transA ? a.dim(0) : a.dim(1);
    OpChecks.require(ka == k(), type(), "input " + a + (transA ? " (transposed)" : "")
        + " has " + ka + " features but weight " + weight.shape() + (transB ? " (transposed)" : "")
        + " expects " + k());
    Shape out = Shape.of(m, n());
    if (bias != null && !Broadcast.shape(bias.shape(), out).equals(out)) {
      throw new IllegalArgumentException(
          "Gemm: bias " + bias.shape() + " does not broadcast to output " + out);
    }
    return out;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape out = outputShape(List.of(inputs.get(0).shape()));
    int m = out.dim(0);
    int n = out.dim(1);
    int k = k();
    boolean swap = transB && m <= SWAP_MAX_ROWS;
    float[] y = new float[m * n];
    if (bias != null && beta != 0f) {
      int[] idx = Broadcast.sourceIndex(bias.shape(), out);
      float[] b = INTERNALS.array(bias);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          y[swap ? j * m + i : i * n + j] = beta * b[idx[i * n + j]];
        }
      }
    }
    Tensor a = inputs.get(0);
    float[] x = INTERNALS.array(a);
    float[] w = INTERNALS.array(weight);
    float accumulate = bias != null && beta != 0f ? 1f : 0f;
    if (!swap) {
      Kernels.sgemm(transA, transB, m, n, k, alpha, x, 0, a.shape().dim(1), w, 0, weight.shape().dim(1),
          accumulate, y, 0, n);
      return INTERNALS.adopt(out, y);
    }
    // Y^T = alpha * W * op(A)^T + beta * bias^T: the weight, now the left factor, is read in place
    Kernels.sgemm(false, !transA, n, m, k, alpha, w, 0, weight.shape().dim(1), x, 0, a.shape().dim(1),
        accumulate, y, 0, m);
    return INTERNALS.adopt(out, m == 1 ? y : transpose(y, n, m));
  }

  /** The {@code cols x rows} transpose of the row-major {@code rows x cols} matrix {@code t}. */
  private static float[] transpose(float[] t, int rows, int cols) {
    float[] r = new float[t.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        r[j * rows + i] = t[i * cols + j];
      }
    }
    return r;
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, false);
  }

  /** The input gradient masked by the input in place, right after the product writes it. */
  @Override
  public Gradients backwardMasked(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, true);
  }

  private Gradients backward(BackwardContext ctx, Tensor gradOutput, boolean masked) {
    Tensor a = ctx.input(0);
    int m = gradOutput.shape().dim(0);
    int n = gradOutput.shape().dim(1);
    int k = k();
    float[] g = INTERNALS.array(gradOutput);
    float[] w = INTERNALS.array(weight);
    float[] x = INTERNALS.array(a);
    Tensor gradA = null;
    if (ctx.needsInput(0)) {
      float[] ga = new float[a.size()];
      if (!transA) {
        // dA[m,k] = alpha * G[m,n] * op(W)^T
        Kernels.sgemm(false, !transB, m, k, n, alpha, g, 0, n, w, 0, weight.shape().dim(1), 0f, ga, 0, k);
      } else {
        // A is [k,m]: dA = alpha * op(W) * G^T
        Kernels.sgemm(transB, true, k, m, n, alpha, w, 0, weight.shape().dim(1), g, 0, n, 0f, ga, 0, m);
      }
      if (masked) {
        Relu.maskInPlace(ga, x, 0, ga.length);
      }
      gradA = INTERNALS.adopt(a.shape(), ga);
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      float[] gw = new float[weight.size()];
      if (!transB) {
        // dW[k,n] = alpha * op(A)^T * G
        Kernels.sgemm(!transA, false, k, n, m, alpha, x, 0, a.shape().dim(1), g, 0, n, 0f, gw, 0, n);
      } else {
        // W is [n,k]: dW = alpha * G^T * op(A)
        Kernels.sgemm(true, transA, n, k, m, alpha, g, 0, n, x, 0, a.shape().dim(1), 0f, gw, 0, k);
      }
      params.put(Parameters.WEIGHT, INTERNALS.adopt(weight.shape(), gw));
      if (bias != null) {
        params.put(Parameters.BIAS, Broadcast.reduceTo(gradOutput.mul(beta), bias.shape()));
      }
    }
    return Gradients.of(new Tensor[] {gradA}, params);
  }
}
