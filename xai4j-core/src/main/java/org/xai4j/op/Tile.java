package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * ONNX {@code Tile}: repeats the input {@code repeats[i]} times along each axis {@code i}
 * (output extent {@code dim(i) * repeats[i]}). The gradient sums the copies.
 *
 * @param repeats one non-negative count per input axis
 */
public record Tile(List<Integer> repeats) implements Op {
  /** Copies the counts and rejects negative ones. */
  public Tile {
    repeats = List.copyOf(repeats);
    OpChecks.require(repeats.stream().allMatch(r -> r >= 0), "Tile", "repeats " + repeats + " must not be negative");
  }

  @Override
  public String type() {
    return "Tile";
  }

  private IndexMap map(Shape in) {
    OpChecks.require(repeats.size() == in.rank(), type(),
        "repeats " + repeats + " need one count per axis of input " + in);
    int[][] coordinates = new int[in.rank()][];
    for (int ax = 0; ax < in.rank(); ax++) {
      int n = in.dim(ax);
      coordinates[ax] = new int[n * repeats.get(ax)];
      for (int o = 0; o < coordinates[ax].length; o++) {
        coordinates[ax][o] = o % n;
      }
    }
    return IndexMap.perAxis(in, coordinates);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return map(inputs.get(0)).target();
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return map(inputs.get(0).shape()).gather(inputs.get(0), 0f);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs(ctx.needsInput(0) ? map(ctx.input(0).shape()).scatterAdd(gradOutput) : null);
  }
}
