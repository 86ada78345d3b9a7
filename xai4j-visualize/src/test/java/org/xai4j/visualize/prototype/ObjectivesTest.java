package org.xai4j.visualize.prototype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.op.Reshape;
import org.xai4j.op.Sigmoid;
import org.xai4j.op.Softmax;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.render.AscentContext;
import org.xai4j.visualize.render.AscentEvaluation;
import org.xai4j.visualize.render.AscentListener;
import org.xai4j.visualize.render.AscentObjective;
import org.xai4j.visualize.render.ModelReadout;

/** The objectives' values and gradients on small graphs, against central differences. */
class ObjectivesTest {
  private static final int[] CLASSES = {2, 0, 1};

  /** A classifier of [N, 1, 3, 3] images into 3 classes. */
  static Graph classifier() {
    GraphBuilder b = Graph.builder().seed(11);
    String x = b.input("input", -1, 1, 3, 3);
    String h = b.add("tanh", new org.xai4j.op.Tanh(), b.linear("fc1", b.add("flat", new Flatten(1), x), 9, 6));
    return b.output(b.linear("logits", h, 6, 3)).build();
  }

  /** A decoder of [N, 2] codes into [N, 1, 3, 3] images in (0, 1). */
  static Graph decoder() {
    GraphBuilder b = Graph.builder().seed(12);
    String z = b.input("code", -1, 2);
    String s = b.add("sigmoid", new Sigmoid(), b.linear("fc", z, 2, 9));
    return b.output(b.add("image", Reshape.of(-1, 1, 3, 3), s)).build();
  }

  /** Checks an objective's gradient against central differences of its value, in float-level tolerance. */
  private static void check(AscentObjective objective, Tensor p) {
    AscentContext ctx = new AscentContext(1, 1, new Random(0));
    AscentEvaluation e = objective.evaluate(List.of(p), ctx);
    float[] g = e.gradients().get(0).toArray();
    float[] v = p.toArray();
    double h = 1e-2;
    double scale = 0;
    for (float x : g) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < v.length; i++) {
      float[] up = v.clone();
      float[] down = v.clone();
      up[i] += (float) h;
      down[i] -= (float) h;
      double numeric = (objective.evaluate(List.of(Tensor.of(p.shape(), up)), ctx).value()
          - objective.evaluate(List.of(Tensor.of(p.shape(), down)), ctx).value()) / (2 * h);
      assertEquals(numeric, g[i], 2e-3 * Math.max(1, scale), "coordinate " + i);
    }
  }

  @Test
  void logSoftmaxScoresAndSeedsAreTheClosedForm() {
    Tensor logits = Tensor.of(Shape.of(2, 3), 1f, 2f, 0.5f, -1f, 0f, 3f);
    ClassScore.Scored s = ClassScore.LOG_SOFTMAX.score(logits, new int[] {1, 2});
    double z0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    double z1 = Math.log(Math.exp(-1) + Math.exp(0) + Math.exp(3));
    assertArrayEquals(new double[] {2 - z0, 3 - z1}, s.values(), 1e-6);
    assertEquals(1 - Math.exp(2 - z0), s.seed().get(0, 1), 1e-6);
    assertEquals(-Math.exp(1 - z0), s.seed().get(0, 0), 1e-6);
    ClassScore.Scored l = ClassScore.LOGIT.score(logits, new int[] {1, 2});
    assertArrayEquals(new double[] {2, 3}, l.values(), 0);
    assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, l.seed().toArray());
    assertArrayEquals(new double[] {Math.exp(2 - z0), Math.exp(3 - z1)},
        ClassScore.probabilities(logits, new int[] {1, 2}), 1e-6);
  }

  @Test
  void sigmoidPixelsStayInRangeAndRoundTrip() {
    SigmoidPixels p = new SigmoidPixels(-1, 2);
    Tensor x = Tensor.of(Shape.of(4), -1f, 0f, 1.5f, 2f);
    Tensor back = p.image(p.parameter(x));
    assertArrayEquals(new float[] {-1 + 0.003f, 0f, 1.5f, 2 - 0.003f}, back.toArray(), 1e-5f);
    Tensor huge = p.image(Tensor.of(Shape.of(2), -1e4f, 1e4f));
    assertArrayEquals(new float[] {-1f, 2f}, huge.toArray());
  }

  @Test
  void pixelSpaceObjectiveGradientIsTheDerivativeOfItsValue() {
    Graph g = classifier();
    Tensor anchor = Tensor.full(Shape.of(1, 3, 3), 0.3f);
    SigmoidPixels pixels = new SigmoidPixels(0, 1);
    Tensor u = Tensor.randomNormal(Shape.of(3, 1, 3, 3), 1f, new Random(1));
    for (ClassScore score : ClassScore.values()) {
      check(new PixelSpaceObjective(ModelReadout.of(g, List.of("logits")), "logits", CLASSES, score, pixels,
          new L2Regularizer(0.7, anchor)), u);
    }
  }

  @Test
  void codeSpaceGradientFlowsThroughDecoderAndClassifier() {
    Graph composed = org.xai4j.graph.GraphChain.of(decoder(), classifier(), ActivationMaximization.DECODER_PREFIX,
        ActivationMaximization.CLASSIFIER_PREFIX);
    String logits = ActivationMaximization.CLASSIFIER_PREFIX + "logits";
    CodePrior prior = new CodePrior(new double[] {0.5, -0.2}, new double[] {2, 0.5});
    check(new CodeSpaceObjective(ModelReadout.of(composed, List.of(logits)), logits, CLASSES,
        ClassScore.LOG_SOFTMAX, prior, 0.3), Tensor.randomNormal(Shape.of(3, 2), 1f, new Random(2)));
  }

  @Test
  void theObjectiveRisesDuringAscentInBothSpaces() {
    PrototypeSettings s = PrototypeSettings.defaults().withAscent(PrototypeSettings.defaults().ascent().withSteps(60));
    Tensor mean = Tensor.full(Shape.of(1, 3, 3), 0.5f);
    Prototypes pixel = ActivationMaximization.inPixelSpace(classifier(), CLASSES, new L2Regularizer(0.01, mean),
        StartPoint.MEAN.image(mean, 3, 0, 1, 0), s, AscentListener.none(), () -> false);
    Prototypes code = ActivationMaximization.inCodeSpace(decoder(), classifier(), CLASSES,
        CodePrior.standardNormal(2), 0.01, Tensor.zeros(Shape.of(3, 2)), s, AscentListener.none(), () -> false);
    for (Prototypes p : List.of(pixel, code)) {
      double[] v = p.values();
      assertEquals(60, v.length);
      assertTrue(v[59] > v[0] + 0.5, "objective went from " + v[0] + " to " + v[59]);
      assertEquals(Shape.of(3, 1, 3, 3), p.images().shape());
    }
    assertEquals(Shape.of(3, 2), code.codes().orElseThrow().shape());
    float[] x = pixel.images().toArray();
    for (float v : x) {
      assertTrue(v > 0 && v < 1, "pixel " + v + " left the range");
    }
  }

  @Test
  void rejectsAClassifierEndingInASoftmax() {
    GraphBuilder b = Graph.builder().seed(1);
    String x = b.input("input", -1, 4);
    Graph g = b.output(b.add("probs", new Softmax(), b.linear("fc", x, 4, 3))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationMaximization.inPixelSpace(
        g, new int[] {0}, new L2Regularizer(1, Tensor.zeros(Shape.of(4))), Tensor.zeros(Shape.of(1, 4)),
        PrototypeSettings.defaults(), AscentListener.none(), () -> false));
    assertEquals("the classifier's output 'probs' is a Softmax; activation maximization needs the logits before it "
        + "(cut the graph at 'fc')", e.getMessage());
  }

  @Test
  void l2RegularizerValueAndGradient() {
    Regularizer.Term t = new L2Regularizer(0.5, Tensor.of(Shape.of(2), 1f, 2f)).evaluate(
        Tensor.of(Shape.of(2, 2), 1f, 0f, 3f, 2f));
    assertArrayEquals(new double[] {-2, -2}, t.values(), 1e-12);
    assertArrayEquals(new float[] {0, 2, -2, 0}, t.gradient().toArray(), 0f);
  }
}
