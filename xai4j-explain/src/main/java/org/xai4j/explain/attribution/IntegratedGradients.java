package org.xai4j.explain.attribution;

import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
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
 * <p>All path points of all samples are stacked along the batch axis and cut into passes of equal
 * size by {@code internalBatch} ({@link InternalBatch}; by default chosen from the memory one
 * point needs), each going through the graph in one forward and one reverse pass; the result does
 * not depend on the pass size beyond float rounding. The target (for example the argmax) is
 * resolved once, at the input. Defaults (Captum's):
 * {@value #DEFAULT_STEPS} steps, {@link Quadrature#GAUSS_LEGENDRE}, a zero baseline. Example:
 * {@code IntegratedGradients.defaults().withMethod(Quadrature.RIEMANN_TRAPEZOID).prepare(graph).explain(x,
 * Target.argmax())}.
 *
 * <p>At a hidden value {@code v}, {@code at(v)} is the same sum along the same input path with
 * that value's activations and gradients, {@code (a_v(x) - a_v(b)) * sum_k w_k * df/da_v(b +
 * alpha_k (x - b))} (Captum's {@code LayerIntegratedGradients} when {@code a_v} is affine in the
 * input; in general its conservation is approximate); it repeats the path passes, once per value
 * asked for.
 *
 * @param steps number of gradient evaluations per sample
 * @param method the quadrature rule
 * @param baseline the path start, broadcastable to the input (a scalar, one sample or the batch)
 * @param internalBatch how many path points go through the graph per forward/backward pass
 * @param pass the reverse pass at every path point
 */
public record IntegratedGradients(int steps, Quadrature method, Tensor baseline, InternalBatch internalBatch,
    ReversePass pass) implements GradientMethod<IntegratedGradients> {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Default number of steps (Captum's {@code n_steps}). */
  public static final int DEFAULT_STEPS = 50;
  /** Default quadrature (Captum's {@code method='gausslegendre'}). */
  public static final Quadrature DEFAULT_METHOD = Quadrature.GAUSS_LEGENDRE;
  /** Validates the step count against the rule and the batch size. */
  public IntegratedGradients {
    method.points(steps);
    if (internalBatch == null) {
      throw new IllegalArgumentException("IntegratedGradients needs an internal batch (InternalBatch.automatic())");
    }
  }

  /** Captum's defaults with a zero baseline. */
  public static IntegratedGradients defaults() {
    return new IntegratedGradients(DEFAULT_STEPS, DEFAULT_METHOD, Tensor.scalar(0f), InternalBatch.automatic(),
        ReversePass.gradient());
  }

  /** This configuration with another number of steps. */
  public IntegratedGradients withSteps(int n) {
    return new IntegratedGradients(n, method, baseline, internalBatch, pass);
  }

  /** This configuration with another quadrature rule. */
  public IntegratedGradients withMethod(Quadrature q) {
    return new IntegratedGradients(steps, q, baseline, internalBatch, pass);
  }

  /** This configuration with another baseline (broadcastable to the input). */
  public IntegratedGradients withBaseline(Tensor b) {
    return new IntegratedGradients(steps, method, b, internalBatch, pass);
  }

  /** This configuration with another number of path points per pass. */
  public IntegratedGradients withInternalBatch(InternalBatch b) {
    return new IntegratedGradients(steps, method, baseline, b, pass);
  }

  @Override
  public IntegratedGradients withPass(ReversePass p) {
    return new IntegratedGradients(steps, method, baseline, internalBatch, p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    ReversePass.Bound bound = pass.bind(graph);
    return Explainer.of(graph, this, (x, t) -> new Path(bound, x, t).attribution());
  }

  /** The path of one explained batch. */
  private final class Path {
    private final ReversePass.Bound bound;
    private final Tensor input;
    private final Trace trace;
    private final Tensor seed;
    private final String value;
    private final Tensor start;
    private final int n;

    Path(ReversePass.Bound bound, Tensor input, Target target) {
      this.bound = bound;
      this.input = input;
      this.trace = bound.graph().forward(input);
      this.seed = target.seed(trace);
      this.value = target.value(bound.graph());
      this.start = Tensor.zeros(input.shape()).add(baseline);
      start.requireSameShape(input, "IntegratedGradients baseline broadcast to the input");
      this.n = input.shape().dim(0);
    }

    Attribution attribution() {
      String in = bound.graph().inputs().get(0).name();
      Tensor relevance = integrated(in);
      return new Attribution(bound.graph(), relevance, trace.output(), v -> v.equals(in) ? relevance : integrated(v));
    }

    /** {@code (a(x) - a(b)) * sum_k w_k * signal at the path points} for value {@code at}, or null. */
    private Tensor integrated(String at) {
      Quadrature.Points q = method.points(steps);
      double[] alphas = q.alphas();
      double[] weights = q.weights();
      int per = input.size() / n;
      float[] b = INTERNALS.array(start);
      float[] d = INTERNALS.array(input.sub(start));
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
        return INTERNALS.adopt(input.shape().withDim(0, to - from), rows);
      };
      Tensor atInput = trace.get(at);
      int atPer = atInput.size() / n;
      double[] sum = new double[atInput.size()];
      int passes = internalBatch.passes(steps * n, trace, true);
      boolean reached = PointBatches.signals(bound, steps * n, points, value, seed, passes, at,
          (from, chunk) -> {
            float[] g = INTERNALS.array(chunk);
            for (int r = from; r < from + chunk.shape().dim(0); r++) {
              double w = weights[r / n];
              int dst = (r % n) * atPer;
              int src = (r - from) * atPer;
              for (int j = 0; j < atPer; j++) {
                sum[dst + j] += w * g[src + j];
              }
            }
          });
      if (!reached) {
        return null;
      }
      boolean isInput = bound.graph().inputs().get(0).name().equals(at);
      float[] delta = INTERNALS.array(isInput ? input.sub(start)
          : atInput.sub(bound.graph().forward(start).get(at)));
      float[] out = new float[sum.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (delta[i] * sum[i]);
      }
      return INTERNALS.adopt(atInput.shape(), out);
    }
  }
}
