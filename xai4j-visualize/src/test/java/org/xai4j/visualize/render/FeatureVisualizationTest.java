package org.xai4j.visualize.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.transform.Normalize;
import org.xai4j.visualize.transform.Transforms;

class FeatureVisualizationTest {
  /** A small random CNN on 24 x 24 RGB images: conv-relu-pool, conv-relu, global pool, dense. */
  static Graph cnn() {
    GraphBuilder b = Graph.builder().seed(21);
    String x = b.input("image", -1, 3, 24, 24);
    String h = b.maxPool2d("pool1", b.relu("relu1", b.conv2d("conv1", x, 3, 8, 3, 1, 1)), 2, 2, 0);
    String h2 = b.relu("relu2", b.conv2d("conv2", h, 8, 12, 3, 1, 1));
    String g = b.add("flat", new org.xai4j.op.Flatten(1), b.globalAvgPool("gap", h2));
    return b.output(b.linear("logits", g, 12, 5)).build();
  }

  private static RenderConfig.Builder config(Objective o) {
    return RenderConfig.builder(o).param(ImageParam.lucid(1, 3, 20, 20)).transforms(Transforms.none()).steps(12).seed(3);
  }

  @Test
  void everyObjectiveRisesOverAFewSteps() {
    float[] dir = new float[12];
    for (int c = 0; c < 12; c++) {
      dir[c] = (c % 3) - 1f;
    }
    List<Objective> all = List.of(Objectives.neuron("relu2", 3), Objectives.channel("relu2", 5),
        Objectives.deepDream("conv2"), Objectives.classLogit("logits", 2), Objectives.classProbability("logits", 4),
        Objectives.direction("relu2", dir), Objectives.directionNeuronCossim("relu2", dir),
        Objectives.channel("conv1", 1).minus(Objectives.totalVariation().times(1e-3)));
    Graph g = cnn();
    for (Objective o : all) {
      FeatureVisualization fv = FeatureVisualization.of(g, config(o).build());
      RenderResult r = fv.render();
      double before = fv.evaluate(fv.images(fv.initialParameter())).value();
      double after = fv.evaluate(r.images()).value();
      assertTrue(after > before, o.description() + ": " + before + " -> " + after);
      assertEquals(12, r.ascent().stepsDone());
    }
  }

  @Test
  void withTransformsAndPixelsTooAndTheResultIsBitReproducible() {
    RenderConfig c = config(Objectives.channel("relu2", 5)).param(ImageParam.pixel(2, 3, 28, 28, true))
        .transforms(Transforms.standard()).preprocessing(Normalize.imagenet()).steps(10).snapshots(List.of(4)).build();
    RenderResult a = FeatureVisualization.of(cnn(), c).render();
    RenderResult b = FeatureVisualization.of(cnn(), c).render();
    assertArrayEquals(a.images().toArray(), b.images().toArray());
    assertArrayEquals(a.ascent().values(), b.ascent().values());
    assertEquals(4, a.snapshots().get(0).step());
    assertEquals(Shape.of(2, 3, 28, 28), a.images().shape());
    FeatureVisualization fv = FeatureVisualization.of(cnn(), c);
    assertTrue(fv.evaluate(a.images()).value() > fv.evaluate(fv.images(fv.initialParameter())).value());
    RenderResult other = FeatureVisualization.of(cnn(), c.toBuilder().seed(4).build()).render();
    assertTrue(other.images().maxAbsDifference(a.images()) > 1e-3);
  }

  /** Lucid's test: diversity pushes a batch apart. */
  @Test
  void diversityPushesABatchApart() {
    Objective channel = Objectives.channel("relu2", 5);
    Objective diverse = channel.plus(Objectives.diversity("relu2").times(100));
    RenderConfig plain = config(channel).param(ImageParam.lucid(3, 3, 20, 20)).steps(30).build();
    RenderConfig apart = plain.toBuilder().objective(diverse).build();
    Objective similarity = Objectives.diversity("relu2");
    FeatureVisualization p = FeatureVisualization.of(cnn(), plain);
    FeatureVisualization d = FeatureVisualization.of(cnn(), apart);
    double plainDiversity = FeatureVisualization.of(cnn(), config(similarity).build()).evaluate(p.render().images()).value();
    double apartDiversity = FeatureVisualization.of(cnn(), config(similarity).build()).evaluate(d.render().images()).value();
    assertTrue(apartDiversity > plainDiversity + 0.05, plainDiversity + " -> " + apartDiversity);
  }

  @Test
  void anUnknownNodeListsCloseMatchesAndChannelsMustFit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureVisualization.of(cnn(), config(Objectives.channel("relu_2", 1)).build()));
    assertTrue(e.getMessage().contains("'relu_2'") && e.getMessage().contains("relu2"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> FeatureVisualization.of(cnn(), config(Objectives.channel("relu2", 1)).param(ImageParam.pixel(1, 1, 8, 8, false)).build()));
  }

  @Test
  void highFrequencyShareOfNoiseAndOfASmoothImage() {
    Tensor noise = Tensor.randomNormal(Shape.of(1, 1, 64, 64), 1f, new Random(1));
    float[] d = new float[64 * 64];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) Math.sin(2 * Math.PI * (i % 64) / 64.0 * 3);
    }
    double white = HighFrequencyShare.of(noise)[0];
    // The area of the frequency square [-0.5, 0.5]^2 outside the circle of radius 0.25: 1 - pi / 16.
    assertEquals(1 - Math.PI / 16, white, 0.02);
    assertEquals(0, HighFrequencyShare.of(Tensor.of(Shape.of(1, 1, 64, 64), d))[0], 1e-9);
  }
}
