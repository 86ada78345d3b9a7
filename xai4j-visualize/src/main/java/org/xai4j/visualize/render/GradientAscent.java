package org.xai4j.visualize.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.train.Optimizer;

/**
 * The gradient-ascent loop shared by feature visualization, activation maximization and the
 * building blocks: it maximizes an {@link AscentObjective} over a few parameter tensors with one of
 * core's {@link Optimizer}s.
 *
 * <p>Each step {@code s = 1 .. steps}: check for cancellation; split this step's random source from
 * the run's seed; evaluate the objective at the current parameters; check that the value and every
 * gradient are finite and have the parameters' shapes; hand the negated gradients to the
 * optimizer (which minimizes) as parameter {@code "parameter i"}; keep a snapshot if {@code s} is a
 * snapshot step; tell the listener.
 *
 * <p>Nothing here knows about images. A non-image use, maximizing a decoder-classifier score over
 * a 16-d code {@code z} with an L2 penalty:
 *
 * <pre>{@code
 * ModelReadout model = ModelReadout.of(decoderThenClassifier, List.of("logits"));
 * AscentObjective objective = (params, ctx) -> {
 *   Tensor z = params.get(0);                                   // [1, 16]
 *   ModelReadout.Reading r = model.read(z);
 *   Tensor logits = r.activation("logits");                     // [1, 10]
 *   Tensor seed = Seeds.oneHot(logits.shape(), new int[] {3}, 1f);
 *   double value = logits.getFlat(3) - lambda * z.mul(z).sum();
 *   Tensor grad = r.inputGradient(Map.of("logits", seed)).sub(z.mul((float) (2 * lambda)));
 *   return new AscentEvaluation(value, new double[] {value}, List.of(grad));
 * };
 * AscentResult result = GradientAscent.run(List.of(z0), objective, AscentConfig.defaults().withSteps(200));
 * }</pre>
 *
 * <p><b>Reproducibility.</b> The result has the same bits for the same initial parameters, seed,
 * objective and kernel thread count (xai4j's forward passes and input gradients do not depend on
 * the thread count at all). Step {@code s}'s random source is the {@code s}-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}.
 *
 * <p><b>Cancellation.</b> The run stops before the next step when {@code cancelled} returns true or
 * the running thread is interrupted (the interrupt flag stays set); the result then holds the
 * parameters after the last update done and says it was cancelled.
 *
 * <p>Lucent's {@code render_vis} runs the same loop with Adam at learning rate 0.05 for 512 steps
 * ({@link AscentConfig#defaults()}); it minimizes a negated objective, we maximize the objective.
 */
public final class GradientAscent {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private GradientAscent() {}

  /** Runs without a listener and without cancellation. */
  public static AscentResult run(List<Tensor> initial, AscentObjective objective, AscentConfig config) {
    return run(initial, objective, config, AscentListener.none(), () -> false);
  }

  /**
   * Runs the loop.
   *
   * @param initial the starting parameters, at least one; not modified
   * @param objective the function to maximize
   * @param config optimizer, steps, seed and snapshot steps
   * @param listener told about every step
   * @param cancelled polled before every step; true stops the run
   * @throws IllegalArgumentException if the objective returns the wrong number of gradients or a
   *     gradient of the wrong shape (naming the parameter and both shapes)
   * @throws IllegalStateException if the value or a gradient is not finite (naming the step)
   */
  public static AscentResult run(List<Tensor> initial, AscentObjective objective, AscentConfig config,
      AscentListener listener, BooleanSupplier cancelled) {
    if (initial.isEmpty()) {
      throw new IllegalArgumentException("gradient ascent needs at least one parameter tensor");
    }
    List<Tensor> params = new ArrayList<>(initial);
    Optimizer.State state = config.optimizer().newState();
    SplittableRandom root = new SplittableRandom(config.seed());
    double[] values = new double[config.steps()];
    List<AscentSnapshot> snapshots = new ArrayList<>();
    int nextSnapshot = 0;
    int done = 0;
    while (done < config.steps()) {
      if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        break;
      }
      int step = done + 1;
      AscentEvaluation e = objective.evaluate(List.copyOf(params), new AscentContext(step, config.steps(), root.split()));
      check(e, params, step);
      for (int i = 0; i < params.size(); i++) {
        params.set(i, state.step("parameter " + i, params.get(i), e.gradients().get(i).mul(-1f)));
      }
      values[done] = e.value();
      done = step;
      List<Integer> wanted = config.snapshotSteps();
      if (nextSnapshot < wanted.size() && wanted.get(nextSnapshot) == step) {
        snapshots.add(new AscentSnapshot(step, params, e.value(), e.perItem()));
        nextSnapshot++;
      }
      listener.onStep(new AscentProgress(step, config.steps(), e.value(), e.perItem()));
    }
    return new AscentResult(params, done, done < config.steps(), Arrays.copyOf(values, done), snapshots);
  }

  private static void check(AscentEvaluation e, List<Tensor> params, int step) {
    if (!Double.isFinite(e.value())) {
      throw new IllegalStateException("the objective value is " + e.value() + " at step " + step);
    }
    if (e.gradients().size() != params.size()) {
      throw new IllegalArgumentException("the objective returned " + e.gradients().size() + " gradients for "
          + params.size() + " parameters at step " + step);
    }
    for (int i = 0; i < params.size(); i++) {
      Tensor g = e.gradients().get(i);
      if (!g.shape().equals(params.get(i).shape())) {
        throw new IllegalArgumentException("the gradient of parameter " + i + " has shape " + g.shape()
            + " but the parameter has shape " + params.get(i).shape());
      }
      for (float v : INTERNALS.array(g)) {
        if (!Float.isFinite(v)) {
          throw new IllegalStateException("the gradient of parameter " + i + " holds " + v + " at step " + step);
        }
      }
    }
  }
}
