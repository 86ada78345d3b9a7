package org.xai4j.visualize.prototype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xai4j.data.Mnist;
import org.xai4j.models.bundled.BundledModelFiles;

/**
 * What Montavon, Samek &amp; Mueller (2018, section 3) claim for class prototypes, on the bundled
 * mnist-cnn with the default recipe (the settings of the demo, the docs and the benchmark): every
 * prototype keeps a target probability of at least 0.9, and the prototypes of the three experts and
 * of the decoder's code space lie closer to the data (mean distance to the 5 nearest training
 * images) than the plain L2 ones.
 */
class ClassPrototypesTest {
  private static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  private static List<MethodResult> results;

  @BeforeAll
  static void run() {
    Mnist mnist = Mnist.load();
    PrototypeRunner.Inputs in = new PrototypeRunner.Inputs(BundledModelFiles.load("mnist-cnn"),
        Optional.of(BundledModelFiles.load("mnist-decoder")), mnist.train().images(), mnist.test().images(),
        "mnist", Map.of());
    results = PrototypeRunner.run(in, List.of(PrototypeMethod.values()), DIGITS, PrototypeRecipe.defaults(),
        PrototypeProgress.silent());
  }

  @Test
  void everyPrototypeIsClassifiedAsItsClass() {
    for (MethodResult r : results) {
      for (PrototypeQuality q : r.quality()) {
        assertTrue(q.targetProbability() >= 0.9, r.method().id() + " prototype of " + q.classIndex()
            + " has target probability " + q.targetProbability());
      }
    }
  }

  @Test
  void expertAndCodeSpacePrototypesAreCloserToTheDataThanPlainL2Ones() {
    double l2 = results.get(0).meanDataDistance();
    assertEquals(PrototypeMethod.L2, results.get(0).method());
    for (MethodResult r : results.subList(1, results.size())) {
      assertTrue(r.meanDataDistance() < l2, r.method().id() + " prototypes lie " + r.meanDataDistance()
          + " from the data, plain L2 ones " + l2);
    }
  }

  @Test
  void everyObjectiveRoseAndExpertsReportHeldOutLogLikelihoods() {
    for (MethodResult r : results) {
      double[] v = r.prototypes().values();
      assertEquals(PrototypeSettings.DEFAULT_STEPS, v.length);
      assertTrue(v[v.length - 1] > v[0], r.method().id() + ": objective went from " + v[0] + " to " + v[v.length - 1]);
      assertEquals(r.method().expert().isPresent(), r.expertFitted(), r.method().id());
      assertEquals(r.method().expert().isPresent(), r.meanLogLikelihood().isPresent(), r.method().id());
      r.fit().ifPresent(f -> assertTrue(Double.isFinite(f.heldOutLogLikelihood()) && f.heldOutSamples() == 2000,
          r.method().id() + " " + f));
    }
  }
}
