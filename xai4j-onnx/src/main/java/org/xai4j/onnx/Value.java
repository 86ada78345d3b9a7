package org.xai4j.onnx;

import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * What a value name stands for while importing. The importer evaluates shapes for several probe
 * extents of the dynamic input dimensions at once, so that shape computations can be folded and
 * the extents that follow the dynamic dimension recognised (they differ between probes).
 */
sealed interface Value {
  /**
   * A value computed by the graph at run time.
   *
   * @param graphName the graph value that holds it
   * @param shapes its shape for each probe
   */
  record Dynamic(String graphName, List<Shape> shapes) implements Value {}

  /**
   * A value known at import time, per probe (equal for all probes unless it was computed from a
   * dynamic shape).
   *
   * @param values the value for each probe
   */
  record Static(List<HostTensor> values) implements Value {
    /** Whether the value is the same for every probe. */
    boolean invariant() {
      return values.stream().allMatch(v -> v.equals(values.get(0)));
    }
  }
}
