package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.Gradients;
import org.xai4j.op.LayerNormalization;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * LayerNorm with the standard deviation held constant (Ali et al. 2022, "XAI for Transformers:
 * Better Explanations through Conservative Propagation"; AttnLRP and LXT's {@code layer_norm}): with
 * {@code std} fixed the layer {@code y = scale (x - mean(x)) / std + bias} is linear in {@code x},
 * and the epsilon rule on it gives {@code R_x = x * J^T (R / stab(y))}, where
 * {@code (J^T v)_i = (u_i - mean(u)) / std} for {@code u = scale * v}, per normalized slice. The
 * bias absorbs its share; with a zero bias the rule conserves relevance. {@code std >= sqrt(eps)},
 * so no division by zero.
 *
 * @param stabilizer the denominator's stabilizer
 */
public record LayerNormRule(Stabilizer stabilizer) implements NodeRule {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Rejects a missing stabilizer. */
  public LayerNormRule {
    if (stabilizer == null) {
      throw new IllegalArgumentException("LayerNorm rule needs a stabilizer");
    }
  }

  /** With the default stabilizer. */
  public LayerNormRule() {
    this(Stabilizer.DEFAULT);
  }

  /**
   * @throws IllegalArgumentException unless the node is a {@code LayerNormalization}
   */
  @Override
  public BackwardRule bind(Node node) {
    if (!(node.op() instanceof LayerNormalization norm)) {
      throw new IllegalArgumentException("LayerNorm rule needs a LayerNormalization node; node '" + node.name()
          + "' is " + node.op().type());
    }
    float[] scale = INTERNALS.array(norm.scale());
    double epsilon = norm.epsilon();
    return (n, ctx, signal) -> {
      Tensor input = ctx.input(0);
      float[] x = INTERNALS.array(input);
      float[] y = INTERNALS.array(ctx.output());
      float[] r = INTERNALS.array(signal);
      int width = scale.length;
      float[] relevance = new float[x.length];
      double[] u = new double[width];
      for (int start = 0; start < x.length; start += width) {
        double mean = 0;
        for (int j = 0; j < width; j++) {
          mean += x[start + j];
        }
        mean /= width;
        double var = 0;
        double uMean = 0;
        for (int j = 0; j < width; j++) {
          double d = x[start + j] - mean;
          var += d * d;
          u[j] = (double) scale[j] * stabilizer.divide(r[start + j], y[start + j]);
          uMean += u[j];
        }
        double std = Math.sqrt(var / width + epsilon);
        uMean /= width;
        for (int j = 0; j < width; j++) {
          relevance[start + j] = (float) (x[start + j] * (u[j] - uMean) / std);
        }
      }
      return Gradients.ofInputs(INTERNALS.adopt(input.shape(), relevance));
    };
  }

  @Override
  public String toString() {
    return "LayerNorm(std held constant)";
  }
}
