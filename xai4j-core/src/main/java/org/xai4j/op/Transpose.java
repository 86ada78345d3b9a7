package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * ONNX {@code Transpose}: output axis {@code i} is input axis {@code perm[i]}; an empty
 * {@code perm} (the ONNX attribute absent) reverses the axes. The gradient is the output gradient
 * permuted back.
 *
 * @param perm a permutation of {@code 0..rank-1}, or empty for the reversed order
 */
public record Transpose(List<Integer> perm) implements Op {
  /** Copies the permutation so the op stays immutable. */
  public Transpose {
    perm = List.copyOf(perm);
  }

  /** The ONNX default: reverses the axes. */
  public Transpose() {
    this(List.of());
  }

  /** A transpose with the given permutation. */
  public static Transpose of(int... perm) {
    return new Transpose(Arrays.stream(perm).boxed().toList());
  }

  @Override
  public String type() {
    return "Transpose";
  }

  private IndexMap map(Shape input) {
    int rank = input.rank();
    int[] p = perm.isEmpty()
        ? IntStream.range(0, rank).map(i -> rank - 1 - i).toArray()
        : perm.stream().mapToInt(Integer::intValue).toArray();
    return OpChecks.named(type(), () -> IndexMap.permutation(input, p));
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
    return Gradients.ofInputs(
        ctx.needsInput(0) ? map(ctx.input(0).shape()).scatterAdd(gradOutput) : null);
  }
}
