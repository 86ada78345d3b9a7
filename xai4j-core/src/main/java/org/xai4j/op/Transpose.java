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
  public Shape outputShape(Shape input) {
    int[] p = permutation(input.rank());
    OpChecks.require(IndexMap.isPermutation(p, input.rank()), type(), "perm " + Arrays.toString(p)
        + " is not a permutation of the axes of input " + input);
    int[] dims = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      dims[i] = input.dim(p[i]);
    }
    return Shape.of(dims);
  }

  @Override
  public IndexMap indexMap(Shape input, Shape output) {
    return IndexMap.permutation(input, permutation(input.rank()));
  }

  private int[] permutation(int rank) {
    return perm.isEmpty()
        ? IntStream.range(0, rank).map(i -> rank - 1 - i).toArray()
        : perm.stream().mapToInt(Integer::intValue).toArray();
  }
}
