package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class InternalBatchTest {
  private static final long GIB = 1L << 30;

  @Test
  void recordedFloatsCountEveryValueOfOneSample() {
    // convNet: input 36, conv 108, relu 108, pool 27, flatten 27, fc 4 floats per sample
    Graph net = TinyNets.convNet();
    Trace trace = net.forward(Tensor.randomNormal(Shape.of(3, 1, 6, 6), 1f, new Random(1)));
    assertEquals(36 + 108 + 108 + 27 + 27 + 4, InternalBatch.recordedFloatsPerSample(trace));
  }

  @Test
  void automaticRowsFillAnEighthOfTheHeapUpToTheCap() {
    // a VGG-16 gradient point: about 29 million floats recorded, twice with the signals (0.23 GB)
    assertEquals(3, InternalBatch.automaticRows(2 * 29_000_000L, 6 * GIB));
    assertEquals(1, InternalBatch.automaticRows(2 * 29_000_000L, GIB / 2));
    assertEquals(InternalBatch.MAX_ROWS, InternalBatch.automaticRows(2 * 50_000L, 6 * GIB));
  }

  @Test
  void passesAreOfEqualSize() {
    Trace trace = TinyNets.mlp().forward(Tensor.zeros(Shape.of(2, 5)));
    assertEquals(4, InternalBatch.of(16).passes(50, trace, true));
    int[] sizes = new int[4];
    for (int k = 0; k < 4; k++) {
      sizes[k] = PointBatches.boundary(50, k + 1, 4) - PointBatches.boundary(50, k, 4);
    }
    assertArrayEquals(new int[] {12, 13, 12, 13}, sizes);
    assertEquals(4, InternalBatch.of(16).passes(64, trace, true));
    assertEquals(50, InternalBatch.of(1).passes(50, trace, false));
    assertEquals(1, InternalBatch.of(100).passes(7, trace, false));
    // a tiny model: every point in one pass, up to the cap
    assertEquals(1, InternalBatch.automatic().passes(50, trace, true));
    assertEquals(3, InternalBatch.automatic().passes(3 * InternalBatch.MAX_ROWS - 1, trace, true));
  }

  @Test
  void rowCountsBelowOneAreRejected() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> InternalBatch.of(0)).getMessage()
        .contains("at least 1 row"));
    assertThrows(IllegalArgumentException.class, () -> new InternalBatch(-2));
    assertEquals("automatic", InternalBatch.automatic().toString());
    assertEquals("5", InternalBatch.of(5).toString());
  }
}
