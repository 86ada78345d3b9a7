package org.xai4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.data.Mnist;
import org.xai4j.tensor.Shape;

class BundledDataTest {
  @Test
  void mnistSamplesAreTheHeldOutDigits() {
    assertEquals(Shape.of(2, 1, 28, 28), BundledData.MNIST.sample(3, 4).shape());
    assertArrayEquals(Mnist.load().test().images().slice0(3, 4).toArray(), BundledData.MNIST.sample(3).toArray());
    assertEquals(Mnist.TEST_SIZE, BundledData.MNIST.size());
    assertSame(BundledData.MNIST.heldOut(), BundledData.MNIST.heldOut(), "read once");
    assertTrue(BundledData.MNIST.masks().isEmpty());
  }

  @Test
  void namesClassesAndErrors() {
    assertEquals(List.of("mnist", "shapes", "textures"), BundledData.names());
    assertEquals(List.of("circle", "square", "triangle", "cross"), BundledData.SHAPES.classNames());
    assertEquals("7", BundledData.MNIST.classNames().get(7));
    assertEquals(6, BundledData.TEXTURES.classNames().size());
    assertEquals("no bundled data set 'cifar'; choose one of [mnist, shapes, textures]",
        assertThrows(IllegalArgumentException.class, () -> BundledData.named("cifar")).getMessage());
    assertEquals("--index -1 is outside the bundled data set mnist (indices 0 to 1999)",
        assertThrows(IllegalArgumentException.class, () -> BundledData.MNIST.sample(-1)).getMessage());
  }
}
