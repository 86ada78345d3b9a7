package org.xai4j.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;

/**
 * Finite-difference check of an op's backward. The scalar test function is
 * {@code L = sum(u * op(inputs))} for a fixed random {@code u}, accumulated in double precision;
 * its central difference quotient {@code (L(x + h) - L(x - h)) / 2h} is compared with the
 * analytic gradient for every input element and every parameter element (or a seeded sample of
 * them for large tensors). Ops compute in float32, so the step {@code h} is large enough that
 * float32 rounding of the outputs stays below the tolerance.
 */
public final class GradientCheck {
  private static final int MAX_CHECKED_PER_TENSOR = 96;

  private final double step;
  private final double tolerance;

  private GradientCheck(double step, double tolerance) {
    this.step = step;
    this.tolerance = tolerance;
  }

  /** Default check: step 1e-2, tolerance 2e-3 relative to max(1, |gradient|). */
  public static GradientCheck standard() {
    return new GradientCheck(1e-2, 2e-3);
  }

  /** A check with another step and tolerance. */
  public static GradientCheck with(double step, double tolerance) {
    return new GradientCheck(step, tolerance);
  }

  /** Checks the gradients of every input and every parameter of {@code op} at {@code inputs}. */
  public void check(Op op, Tensor... inputs) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      all.add(i);
    }
    checkInputs(op, all, inputs);
  }

  /**
   * Checks the gradients of the listed inputs and of every parameter of {@code op} at
   * {@code inputs}; for ops whose other inputs (a mask, a shape reference) carry no gradient.
   */
  public void checkInputs(Op op, List<Integer> checked, Tensor... inputs) {
    List<Tensor> in = List.of(inputs);
    Tensor out = op.forward(in);
    Random rnd = new Random(7);
    Tensor u = Tensor.randomUniform(out.shape(), -1f, 1f, rnd);
    Gradients g = op.backward(BackwardContext.all(in, out, true), u);
    for (int i : checked) {
      final int which = i;
      checkTensor(op.type() + " input " + i, inputs[i], g.input(i), rnd, perturbed -> {
        List<Tensor> copy = new ArrayList<>(in);
        copy.set(which, perturbed);
        return loss(op.forward(copy), u);
      });
    }
    Parameters params = op.parameters();
    for (String name : params.names()) {
      Tensor analytic = g.parameters().get(name);
      assertTrue(analytic != null, op.type() + ": no gradient returned for parameter " + name);
      checkTensor(op.type() + " parameter " + name, params.get(name), analytic, rnd,
          perturbed -> loss(op.withParameters(params.with(name, perturbed)).forward(in), u));
    }
  }

  private interface Loss {
    double at(Tensor perturbed);
  }

  private void checkTensor(String what, Tensor x, Tensor analytic, Random rnd, Loss loss) {
    assertTrue(analytic != null, what + ": no gradient returned");
    assertTrue(analytic.shape().equals(x.shape()),
        what + ": gradient shape " + analytic.shape() + " differs from " + x.shape());
    int n = x.size();
    List<Integer> positions = new ArrayList<>();
    if (n <= MAX_CHECKED_PER_TENSOR) {
      for (int i = 0; i < n; i++) {
        positions.add(i);
      }
    } else {
      for (int i = 0; i < MAX_CHECKED_PER_TENSOR; i++) {
        positions.add(rnd.nextInt(n));
      }
    }
    float[] base = x.toArray();
    for (int pos : positions) {
      float up = (float) (base[pos] + step);
      float down = (float) (base[pos] - step);
      double numeric = (loss.at(withValue(x, base, pos, up)) - loss.at(withValue(x, base, pos, down)))
          / ((double) up - (double) down);
      double a = analytic.getFlat(pos);
      double err = Math.abs(a - numeric);
      assertTrue(err <= tolerance * Math.max(1.0, Math.abs(numeric)),
          what + " at flat index " + pos + ": analytic " + a + ", finite difference " + numeric);
    }
  }

  private static Tensor withValue(Tensor x, float[] base, int pos, float value) {
    float[] d = base.clone();
    d[pos] = value;
    return Tensor.of(x.shape(), d);
  }

  private static double loss(Tensor y, Tensor u) {
    double s = 0;
    for (int i = 0; i < y.size(); i++) {
      s += (double) y.getFlat(i) * u.getFlat(i);
    }
    return s;
  }
}
