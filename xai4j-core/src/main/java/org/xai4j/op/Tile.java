package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Tile}: repeats the input {@code repeats[i]} times along each axis {@code i}
 * (output extent {@code dim(i) * repeats[i]}). The gradient sums the copies.
 *
 * @param repeats one non-negative count per input axis
 */
public record Tile(List<Integer> repeats) implements GatherOp {
  /** Copies the counts and rejects negative ones. */
  public Tile {
    repeats = List.copyOf(repeats);
    OpChecks.require(repeats.stream().allMatch(r -> r >= 0), "Tile", "repeats " + repeats + " must not be negative");
  }

  @Override
  public String type() {
    return "Tile";
  }

  @Override
  public Shape outputShape(Shape in) {
    OpChecks.require(repeats.size() == in.rank(), type(),
        "repeats " + repeats + " need one count per axis of input " + in);
    int[] dims = new int[in.rank()];
    for (int ax = 0; ax < dims.length; ax++) {
      dims[ax] = OpChecks.extent(type(), (long) in.dim(ax) * repeats.get(ax),
          "axis " + ax + " of input " + in + " repeated " + repeats.get(ax) + " times");
    }
    return Shape.of(dims);
  }

  @Override
  public IndexMap indexMap(Shape in, Shape output) {
    int[][] coordinates = new int[in.rank()][];
    for (int ax = 0; ax < in.rank(); ax++) {
      int n = in.dim(ax);
      coordinates[ax] = new int[output.dim(ax)];
      for (int o = 0; o < coordinates[ax].length; o++) {
        coordinates[ax][o] = o % n;
      }
    }
    return IndexMap.perAxis(in, coordinates);
  }
}
