package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code MatMul} with NumPy {@code matmul} semantics on two activation inputs {@code A} and
 * {@code B}: the last two axes are the matrices ({@code [.., M, K] x [.., K, N] -> [.., M, N]}) and
 * the leading batch axes broadcast against each other. A 1-D {@code A} is promoted to
 * {@code [1, K]} and a 1-D {@code B} to {@code [K, 1]}, and the promoted axis is removed from the
 * result (two vectors give a scalar). Every batch entry is one {@link Kernels#sgemm} call.
 *
 * <p>Gradients: {@code dA = G B^T} and {@code dB = A^T G} per batch entry, summed over the batch
 * entries that share an operand through broadcasting.
 */
public final class MatMul implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The matrix sizes and, for every output batch entry, the batch entries of A and B it reads. */
  private record Plan(Shape output, int m, int k, int n, int[] aBatch, int[] bBatch) {}

  @Override
  public String type() {
    return "MatMul";
  }

  private Plan plan(Shape a, Shape b) {
    OpChecks.require(a.rank() >= 1 && b.rank() >= 1, type(),
        "operands must have rank at least 1, got " + a + " and " + b);
    int m = a.rank() == 1 ? 1 : a.dim(-2);
    int k = a.dim(-1);
    int kb = b.rank() == 1 ? b.dim(0) : b.dim(-2);
    int n = b.rank() == 1 ? 1 : b.dim(-1);
    OpChecks.require(k == kb, type(), "inner dimensions differ: A " + a + " has " + k
        + " columns but B " + b + " has " + kb + " rows");
    Shape batchA = batchShape(a);
    Shape batchB = batchShape(b);
    Shape batch;
    try {
      batch = Broadcast.shape(batchA, batchB);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type() + ": batch axes of A " + a + " and B " + b
          + " do not broadcast: " + e.getMessage(), e);
    }
    int[] out = new int[batch.rank() + (a.rank() > 1 ? 1 : 0) + (b.rank() > 1 ? 1 : 0)];
    int r = 0;
    for (int d : batch.toArray()) {
      out[r++] = d;
    }
    if (a.rank() > 1) {
      out[r++] = m;
    }
    if (b.rank() > 1) {
      out[r] = n;
    }
    return new Plan(Shape.of(out), m, k, n,
        Broadcast.sourceIndex(batchA, batch), Broadcast.sourceIndex(batchB, batch));
  }

  /** The axes before the matrix axes ({@code []} for a vector or a matrix). */
  private static Shape batchShape(Shape s) {
    return s.rank() <= 2 ? Shape.scalar() : Shape.of(Arrays.copyOf(s.toArray(), s.rank() - 2));
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 2);
    return plan(inputs.get(0), inputs.get(1)).output();
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 2);
    Plan p = plan(inputs.get(0).shape(), inputs.get(1).shape());
    float[] a = INTERNALS.array(inputs.get(0));
    float[] b = INTERNALS.array(inputs.get(1));
    int m = p.m();
    int k = p.k();
    int n = p.n();
    float[] y = new float[p.output().size()];
    Parallelism.forEach(p.aBatch().length, e -> Kernels.sgemm(false, false, m, n, k, 1f,
        a, p.aBatch()[e] * m * k, k, b, p.bBatch()[e] * k * n, n, 0f, y, e * m * n, n));
    return INTERNALS.adopt(p.output(), y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor ta = ctx.input(0);
    Tensor tb = ctx.input(1);
    Plan p = plan(ta.shape(), tb.shape());
    float[] a = INTERNALS.array(ta);
    float[] b = INTERNALS.array(tb);
    float[] g = INTERNALS.array(gradOutput);
    int m = p.m();
    int k = p.k();
    int n = p.n();
    float[] ga = ctx.needsInput(0) ? new float[a.length] : null;
    float[] gb = ctx.needsInput(1) ? new float[b.length] : null;
    // Sequential: broadcast batch entries accumulate into the same operand gradient.
    for (int e = 0; e < p.aBatch().length; e++) {
      int aOff = p.aBatch()[e] * m * k;
      int bOff = p.bBatch()[e] * k * n;
      int gOff = e * m * n;
      if (ga != null) {
        Kernels.sgemm(false, true, m, k, n, 1f, g, gOff, n, b, bOff, n, 1f, ga, aOff, k);
      }
      if (gb != null) {
        Kernels.sgemm(true, false, k, n, m, 1f, a, aOff, k, g, gOff, n, 1f, gb, bOff, n);
      }
    }
    return Gradients.ofInputs(
        ga == null ? null : INTERNALS.adopt(ta.shape(), ga),
        gb == null ? null : INTERNALS.adopt(tb.shape(), gb));
  }

  @Override
  public String toString() {
    return type();
  }
}
