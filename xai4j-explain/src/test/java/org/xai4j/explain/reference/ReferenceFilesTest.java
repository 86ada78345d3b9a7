package org.xai4j.explain.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;

class ReferenceFilesTest {
  @Test
  void readsInputsAndAttributionsWithTheirDeclaredSums() {
    assertEquals(Shape.of(1, 4), ReferenceFiles.input("mlp", 0).shape());
    ReferenceFiles.Reference r = ReferenceFiles.attribution("mlp", 0, "zennit__EpsilonPlusFlat");
    assertEquals(2, r.target());
    assertEquals(r.meta().get("sum").asDouble(), r.float32().sum(), 1e-6);
    assertEquals(r.meta().get("precision").get("fp64_sum").asDouble(), r.float64().sum(), 1e-6);
  }
}
