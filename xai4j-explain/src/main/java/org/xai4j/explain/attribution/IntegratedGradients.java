package org.xai4j.explain.attribution;

import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Integrated Gradients (Sundararajan, Taly and Yan, ICML 2017) as Captum computes it:
 * {@code IG_i = (x_i - b_i) * sum_k w_k * df/dx_i (b + alpha_k (x - b))} with the points and
 * weights of a {@link Quadrature} rule. The relevance has the input's shape.
 *
 * <p>All path points of all samples are stacked into batches of at most
 * {@code internalBatchSize} rows, each going through the graph in one forward and one reverse
 * pass; the target (for example the argmax) is resolved once, at the input. Defaults (Captum's):
 * {@value #DEFAULT_STEPS} steps, {@link Quadrature#GAUSS_LEGENDRE}, a zero baseline. Example:
 * {@code IntegratedGradients.defaults().withMethod(Quadrature.RIEMANN_TRAPEZOID).explain(graph, x,
 * Target.argmax())}.
 *
 * @param steps number of gradient evaluations per sample
 * @param method the quadrature rule
 * @param baseline the path start, broadcastable to the input (a scalar, one sample or the batch)
 * @param internalBatchSize the largest number of path points per forward/backward pass; bounds
 *     memory
 */
public record IntegratedGradients(int steps, Quadrature method, Tensor baseline, int internalBatchSize)
    implements Attributor {
  /** Default number of steps (Captum's {@code n_steps}). */
  public static final int DEFAULT_STEPS = 50;
  /** Default quadrature (Captum's {@code method='gausslegendre'}). */
  public static final Quadrature DEFAULT_METHOD = Quadrature.GAUSS_LEGENDRE;
  /** Default number of path points per pass. */
  public static final int DEFAULT_INTERNAL_BATCH_SIZE = 16;

  /** Validates the step count against the rule and the batch size. */
  public IntegratedGradients {
    method.points(steps);
    PointBatches.requirePositive(internalBatchSize, "IntegratedGradients internalBatchSize");
  }

  /** Captum's defaults with a zero baseline. */
  public static IntegratedGradients defaults() {
    return new IntegratedGradients(DEFAULT_STEPS, DEFAULT_METHOD, Tensor.scalar(0f), DEFAULT_INTERNAL_BATCH_SIZE);
  }

  /** This configuration with another number of steps. */
  public IntegratedGradients withSteps(int n) {
    return new IntegratedGradients(n, method, baseline, internalBatchSize);
  }

  /** This configuration with another quadrature rule. */
  public IntegratedGradients withMethod(Quadrature q) {
    return new IntegratedGradients(steps, q, baseline, internalBatchSize);
  }

  /** This configuration with another baseline (broadcastable to the input). */
  public IntegratedGradients withBaseline(Tensor b) {
    return new IntegratedGradients(steps, method, b, internalBatchSize);
  }

  /** This configuration with another number of path points per pass. */
  public IntegratedGradients withInternalBatchSize(int rows) {
    return new IntegratedGradients(steps, method, baseline, rows);
  }

  @Override
  public Attribution explain(Graph graph, Tensor input, Target target) {
    Trace trace = graph.forward(input);
    Tensor seed = target.seed(trace);
    String value = target.value(graph);
    Tensor start = Tensor.zeros(input.shape()).add(baseline);
    start.requireSameShape(input, "IntegratedGradients baseline broadcast to the input");
    Tensor delta = input.sub(start);
    Quadrature.Points q = method.points(steps);
    double[] alphas = q.alphas();
    double[] weights = q.weights();
    int n = input.shape().dim(0);
    int per = input.size() / n;
    float[] b = TensorInternals.array(start);
    float[] d = TensorInternals.array(delta);
    double[] sum = new double[input.size()];
    PointBatches.Points points = (from, to) -> {
      float[] rows = new float[(to - from) * per];
      for (int r = from; r < to; r++) {
        float alpha = (float) alphas[r / n];
        int src = (r % n) * per;
        int dst = (r - from) * per;
        for (int j = 0; j < per; j++) {
          rows[dst + j] = b[src + j] + alpha * d[src + j];
        }
      }
      return TensorInternals.adopt(input.shape().withDim(0, to - from), rows);
    };
    PointBatches.inputSignals(graph, steps * n, points, value, seed, NodeRules.none(), internalBatchSize,
        (from, chunk) -> {
          float[] g = TensorInternals.array(chunk);
          for (int r = from; r < from + chunk.shape().dim(0); r++) {
            double w = weights[r / n];
            int dst = (r % n) * per;
            int src = (r - from) * per;
            for (int j = 0; j < per; j++) {
              sum[dst + j] += w * g[src + j];
            }
          }
        });
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (d[i] * sum[i]);
    }
    return new Attribution(TensorInternals.adopt(input.shape(), out), trace.output());
  }
}
