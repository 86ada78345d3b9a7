package org.xai4j.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.testing.LimitOverride;

class LimitTest {
  @Test
  void defaultsAreDocumentedConstants() {
    assertEquals(1L << 28, Limit.TENSOR_ELEMENTS.value());
    assertEquals(1_000_000L, Limit.NODES.value());
    assertEquals(1L << 26, Limit.IMAGE_PIXELS.value());
    assertEquals(1L << 32, Limit.INITIALIZER_BYTES.value());
    assertEquals("xai4j.limit.tensor-elements", Limit.TENSOR_ELEMENTS.property());
  }

  @Test
  void exceedingNamesTheSubjectTheLimitAndHowToRaiseIt() {
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Limit.NODES.check(1_000_001, () -> "m.onnx"));
    assertEquals("m.onnx: 1,000,001 nodes, more than the nodes limit of 1,000,000; raise it with "
        + "-Dxai4j.limit.nodes=N (CLI: --limit nodes=N)", e.getMessage());
    assertEquals(Limit.NODES, e.limit());
    assertEquals(1_000_001, e.amount());
    assertEquals("node 'a': m.onnx: 1,000,001 nodes", e.within("node 'a'").getMessage().substring(0, 33));
  }

  @Test
  void propertyRaisesTheLimitAndBadValuesAreRefusedNamingTheProperty() {
    assertEquals(5, (long) LimitOverride.with(Limit.NODES, 5_000_000, () -> Limit.NODES.check(5, () -> "x")));
    LimitOverride.with(Limit.NODES, 5_000_000, () -> Limit.NODES.check(2_000_000, () -> "x"));
    System.setProperty(Limit.NODES.property(), "lots");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Limit.NODES::value);
      assertEquals("-Dxai4j.limit.nodes=lots must be a positive whole number of nodes", e.getMessage());
      System.setProperty(Limit.NODES.property(), "0");
      assertThrows(IllegalArgumentException.class, Limit.NODES::value);
    } finally {
      System.clearProperty(Limit.NODES.property());
    }
  }

  @Test
  void keysResolveAndUnknownKeysListTheChoices() {
    assertEquals(Limit.IMAGE_PIXELS, Limit.ofKey("image-pixels"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Limit.ofKey("memory"));
    assertEquals("unknown limit 'memory'; limits are [tensor-elements, nodes, image-pixels, initializer-bytes]",
        e.getMessage());
  }

  @Test
  void shapesCheckTheirSizeWithoutOverflowing() {
    // 65536^4 = 2^64 wraps to 0 in long arithmetic; the saturating product does not.
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Shape.of(65536, 65536, 65536, 65536));
    assertEquals(Long.MAX_VALUE, e.amount());
    assertEquals("shape [65536, 65536, 65536, 65536]: more than 9223372036854775807 elements, more than "
        + "the tensor-elements limit of 268,435,456; raise it with -Dxai4j.limit.tensor-elements=N "
        + "(CLI: --limit tensor-elements=N)", e.getMessage());
    assertEquals(0, Shape.of(Integer.MAX_VALUE, 0, Integer.MAX_VALUE).size());
    assertEquals(1 << 28, Shape.of(1 << 14, 1 << 14).size());
    assertThrows(LimitExceededException.class, () -> Shape.of(1 << 14, (1 << 14) + 1));
    IllegalArgumentException big = LimitOverride.with(Limit.TENSOR_ELEMENTS, Long.MAX_VALUE,
        () -> assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 16)));
    assertEquals("shape [65536, 65536] has 4294967296 elements, more than a Java array holds", big.getMessage());
  }
}
