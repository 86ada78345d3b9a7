package org.xai4j.graph;

import java.util.Arrays;
import org.xai4j.tensor.Shape;

/**
 * A named input of a graph with its expected shape; an extent of {@code -1} is dynamic (typically
 * the batch axis).
 *
 * @param name the value name nodes refer to
 * @param dims expected extents, {@code -1} where any extent is accepted
 */
public record GraphInput(String name, int[] dims) {
  /** Copies the extents. */
  public GraphInput {
    dims = dims.clone();
  }

  /** The expected extents (a copy). */
  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** Whether a concrete shape fits, treating {@code -1} as a wildcard. */
  public boolean accepts(Shape shape) {
    if (shape.rank() != dims.length) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] >= 0 && dims[i] != shape.dim(i)) {
        return false;
      }
    }
    return true;
  }

  /** The concrete shape for a given batch size (replacing every {@code -1} by it). */
  public Shape shapeForBatch(int batch) {
    int[] d = dims.clone();
    for (int i = 0; i < d.length; i++) {
      if (d[i] < 0) {
        d[i] = batch;
      }
    }
    return Shape.of(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphInput g && g.name.equals(name) && Arrays.equals(g.dims, dims);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(dims).replace("-1", "?");
  }
}
