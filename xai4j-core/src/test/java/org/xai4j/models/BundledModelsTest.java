package org.xai4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Progress;
import org.xai4j.train.TrainingListener;

class BundledModelsTest {
  /** Records the loss of the first minibatch (untrained weights) and of every later step. */
  private static final class Losses implements TrainingListener {
    final List<Double> perStep = new ArrayList<>();
    final List<Double> perEpoch = new ArrayList<>();

    @Override
    public void stepped(Progress p) {
      perStep.add(p.loss());
      if (p.endOfEpoch()) {
        perEpoch.add(p.loss());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mnist-mlp", "mnist-cnn", "shapes-cnn", "textures-cnn", "mnist-decoder"})
  void aSmallVersionTrainedForAFewStepsReducesTheLoss(String name) {
    ModelRecipe recipe = BundledModels.named(name);
    Losses losses = new Losses();
    TrainedModel m = recipe.train(recipe.defaultBudget().withEpochs(3).withTrainSamples(128), losses);
    double first = losses.perStep.get(0);
    double last = losses.perEpoch.get(losses.perEpoch.size() - 1);
    assertTrue(last < 0.9 * first, name + ": loss of the first batch " + first + ", mean of the last epoch " + last);
    assertEquals(name, m.name());
    assertEquals("3", m.training().get("epochs"));
  }

  @Test
  void max2dComputesTheMaximum() {
    Graph g = BundledModels.named("max2d").build();
    Tensor x = Tensor.of(Shape.of(5, 2), 3f, -2f, -1f, -5f, 0.5f, 0.5f, -7.25f, 4f, 0f, 0f);
    assertArrayEquals(new float[] {3f, -1f, 0.5f, 4f, 0f}, g.forward(x).output().toArray());
    TrainedModel m = BundledModels.named("max2d").train(BundledModels.named("max2d").defaultBudget(),
        TrainingListener.silent());
    // float32: (x1 - x2) + x2 is rounded twice; values below 10 in magnitude err by at most 2 ulp(16).
    assertTrue(m.metric("max_abs_error") <= 2 * Math.ulp(16f), "error " + m.metric("max_abs_error"));
  }

  @Test
  void decoderMapsCodesToDigitImages() {
    Graph decoder = MnistDecoder.decoder(BundledModels.named("mnist-decoder").build());
    assertEquals("[code[?, 16]]", decoder.inputs().toString());
    Tensor img = decoder.forward(Tensor.randomNormal(Shape.of(3, MnistDecoder.CODE), 1f, new Random(1))).output();
    assertEquals(Shape.of(3, 1, 28, 28), img.shape());
    assertTrue(img.min() > 0f && img.max() < 1f);
  }

  @Test
  void theTextureModelHasTheSizeOfTheIssueAndTakesTheTextureImages() {
    Graph g = BundledModels.named("textures-cnn").build();
    assertTrue(g.parameterCount() >= 50_000 && g.parameterCount() <= 500_000, "parameters " + g.parameterCount());
    assertEquals("[input[?, 3, 64, 64]]", g.inputs().toString());
    assertEquals(Shape.of(2, 6), g.forward(Tensor.zeros(Shape.of(2, 3, 64, 64))).output().shape());
  }

  @Test
  void unknownNamesListTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundledModels.named("vgg"));
    assertEquals("no bundled model 'vgg'; choose one of [mnist-mlp, mnist-cnn, shapes-cnn, textures-cnn, mnist-decoder, max2d]",
        e.getMessage());
  }
}
