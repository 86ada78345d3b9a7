package org.xai4j.op;

import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Parametric ReLU as ONNX {@code PRelu}: {@code y = x} for {@code x > 0}, else
 * {@code slope * x}, where the learned {@code slope} broadcasts to the input by ONNX
 * unidirectional broadcasting (its shape broadcasts to the input's, never the other way; a
 * per-channel slope of an NCHW input has shape {@code [C, 1, 1]}).
 *
 * <p>Derivatives: by {@code x}, 1 for {@code x > 0} and {@code slope} for {@code x <= 0} (the left
 * branch at the kink 0, as PyTorch); by {@code slope}, {@code x} for {@code x <= 0} and 0
 * otherwise, summed over the broadcast axes.
 *
 * @param slope the parameter {@code slope}
 */
public record PRelu(Tensor slope) implements Op {
  private static final Function FUNCTION = new Function();

  @Override
  public String type() {
    return "PRelu";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of("slope", slope);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new PRelu(p.get("slope"));
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape x = inputs.get(0);
    Shape out = OpChecks.broadcast(type(), x, slope.shape());
    OpChecks.require(out.equals(x), type(),
        "slope " + slope.shape() + " does not broadcast unidirectionally to input " + x);
    return out;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    outputShape(List.of(inputs.get(0).shape()));
    return FUNCTION.forward(List.of(inputs.get(0), slope));
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Gradients g = FUNCTION.backward(new BackwardContext(List.of(ctx.input(0), slope), ctx.output(),
        List.of(ctx.needsInput(0), ctx.needsParameters()), false), gradOutput);
    return Gradients.of(new Tensor[] {g.input(0)},
        ctx.needsParameters() ? Map.of("slope", g.input(1)) : Map.of());
  }

  /** The scalar function of {@code (x, slope)}; broadcasting and loops come from the base. */
  private static final class Function extends BroadcastingBinaryOp {
    @Override
    public String type() {
      return "PRelu";
    }

    @Override
    protected float apply(float x, float slope) {
      return x > 0f ? x : slope * x;
    }

    @Override
    protected float derivativeA(float x, float slope, float y) {
      return x > 0f ? 1f : slope;
    }

    @Override
    protected float derivativeB(float x, float slope, float y) {
      return x > 0f ? 0f : x;
    }
  }
}
