package org.xai4j.models.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Checks every committed bundled model against its bar, re-measuring it where the model alone allows. */
class BundledModelFilesTest {
  /** Accuracy may differ by a few test images between kernel providers (float summation order). */
  private static final double ACCURACY_TOLERANCE = 2e-3;

  private static void assumeCommitted(String name) {
    assumeTrue(BundledModelFiles.exists(name), name + " has not been trained and committed yet");
  }

  @ParameterizedTest
  @CsvSource({"mnist-mlp, 0.96", "mnist-cnn, 0.975", "shapes-cnn, 0.95", "textures-cnn, 0.95"})
  void classifiersMeetTheirBarOnHeldOutData(String name, double bar) {
    assumeCommitted(name);
    Graph g = BundledModelFiles.load(name);
    double recorded = BundledModelFiles.metrics(name).get("test_accuracy");
    double measured = BundledModels.named(name).evaluate(g).get("test_accuracy");
    assertEquals(recorded, measured, ACCURACY_TOLERANCE, name + ": sidecar and re-measured accuracy differ");
    assertTrue(measured >= bar, name + ": test accuracy " + measured + " is below the bar " + bar);
  }

  @Test
  void max2dIsExactUpToRounding() {
    assumeCommitted("max2d");
    Map<String, Double> m = BundledModels.named("max2d").evaluate(BundledModelFiles.load("max2d"));
    assertTrue(m.get("max_abs_error") <= 2 * Math.ulp(16f), m.toString());
    assertEquals(BundledModelFiles.metrics("max2d").get("max_abs_error"), m.get("max_abs_error"));
  }

  @Test
  void decoderReconstructsFarBetterThanTheMeanDigitAndDecodesToImages() {
    assumeCommitted("mnist-decoder");
    Map<String, Double> m = BundledModelFiles.metrics("mnist-decoder");
    assertTrue(m.get("test_mse") < 0.5 * m.get("test_mse_mean_digit_baseline"), m.toString());
    Graph decoder = BundledModelFiles.load("mnist-decoder");
    Tensor img = decoder.forward(Tensor.randomNormal(Shape.of(2, 16), 1f, new Random(1))).output();
    assertEquals(Shape.of(2, 1, 28, 28), img.shape());
    assertTrue(img.min() >= 0f && img.max() <= 1f);
  }

  @Test
  void unknownNamesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> BundledModelFiles.exists("vgg"));
  }
}
