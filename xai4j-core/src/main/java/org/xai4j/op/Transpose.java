package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Transpose}: output axis {@code i} is input axis {@code perm[i]}; an empty
 * {@code perm} (the ONNX attribute absent) reverses the axes. The gradient is the output gradient
 * permuted back.
 *
 * @param perm a permutation of {@code 0..rank-1}, or empty for the reversed order
 */
public record Transpose(List<Integer> perm) implements GatherOp {
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

  @Override
  public IndexMap indexMap(Shape input) {
    int rank = input.rank();
    int[] p = perm.isEmpty()
        ? IntStream.range(0, rank).map(i -> rank - 1 - i).toArray()
        : perm.stream().mapToInt(Integer::intValue).toArray();
    return OpChecks.named(type(), () -> IndexMap.permutation(input, p));
  }
}
