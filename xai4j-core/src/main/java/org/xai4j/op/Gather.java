package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * ONNX {@code Gather} with constant indices: picks entries of the input along {@code axis}, so the
 * output shape is the input's with that axis replaced by the indices' shape (a scalar index
 * removes the axis, as in ViT's {@code x[:, 0]}). Negative indices count from the end. The
 * gradient adds every output element back onto the entry it was read from.
 *
 * @param axis the gathered axis; negative counts from the end
 * @param indices the indices, row-major
 * @param indicesShape the indices' shape ({@code []} for a single index)
 */
public record Gather(int axis, List<Integer> indices, List<Integer> indicesShape) implements Op {
  private static final String TYPE = "Gather";

  /** Copies the lists and checks that the indices fill their shape. */
  public Gather {
    indices = List.copyOf(indices);
    indicesShape = List.copyOf(indicesShape);
    OpChecks.require(indicesShape.stream().mapToInt(Integer::intValue).reduce(1, (a, b) -> a * b) == indices.size(),
        TYPE, indices.size() + " indices do not fill the shape " + indicesShape);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The data movement over an input shape, gathering into the input's rank. */
  private IndexMap map(Shape input) {
    int a = OpChecks.axis(TYPE, input, axis);
    int[][] coordinates = new int[input.rank()][];
    for (int ax = 0; ax < input.rank(); ax++) {
      if (ax == a) {
        coordinates[ax] = new int[indices.size()];
        int n = input.dim(a);
        for (int k = 0; k < indices.size(); k++) {
          int i = indices.get(k);
          int idx = i < 0 ? i + n : i;
          OpChecks.require(idx >= 0 && idx < n, TYPE, "index " + i + " is outside axis " + axis + " of " + input);
          coordinates[ax][k] = idx;
        }
      } else {
        coordinates[ax] = new int[input.dim(ax)];
        for (int o = 0; o < coordinates[ax].length; o++) {
          coordinates[ax][o] = o;
        }
      }
    }
    return IndexMap.perAxis(input, coordinates);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    int a = OpChecks.axis(TYPE, x, axis);
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < a; i++) {
      dims.add(x.dim(i));
    }
    dims.addAll(indicesShape);
    for (int i = a + 1; i < x.rank(); i++) {
      dims.add(x.dim(i));
    }
    return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape out = outputShape(List.of(inputs.get(0).shape()));
    return map(inputs.get(0).shape()).gather(inputs.get(0), 0f).reshape(out);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    IndexMap m = map(ctx.input(0).shape());
    return Gradients.ofInputs(m.scatterAdd(gradOutput.reshape(m.target())));
  }
}
