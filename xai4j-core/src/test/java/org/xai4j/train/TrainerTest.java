package org.xai4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.data.Samples;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class TrainerTest {
  /** Three Gaussian blobs in 2-D, 60 points each, labels 0..2. */
  private static final int PER_CLASS = 60;

  private static Tensor points(int[] labels) {
    Random r = new Random(11);
    float[][] centers = {{2f, 0f}, {-1f, 1.7f}, {-1f, -1.7f}};
    float[] d = new float[labels.length * 2];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
      d[2 * i] = centers[labels[i]][0] + (float) r.nextGaussian() * 0.5f;
      d[2 * i + 1] = centers[labels[i]][1] + (float) r.nextGaussian() * 0.5f;
    }
    return Tensor.of(Shape.of(labels.length, 2), d);
  }

  private static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("input", -1, 2);
    return b.output(b.linear("fc2", b.relu("relu", b.linear("fc1", x, 2, 16)), 16, 3)).build();
  }

  @Test
  void aFewStepsReduceTheLossAndReachHighAccuracy() {
    int[] labels = new int[3 * PER_CLASS];
    Tensor x = points(labels);
    Tensor t = Samples.oneHot(labels, 3);
    Loss loss = new SoftmaxCrossEntropy();
    double before = Evaluation.loss(mlp(), x, t, loss);
    List<Progress> steps = new ArrayList<>();
    TrainingResult r = new Trainer(loss, Adam.withLearningRate(0.05), new TrainingConfig(5, 20, 7))
        .fit(mlp(), x, t, new TrainingListener() {
          @Override
          public void stepped(Progress p) {
            steps.add(p);
          }
        });
    double after = Evaluation.loss(r.model(), x, t, loss);
    assertTrue(after < before / 4, "loss " + before + " -> " + after);
    assertEquals(5 * 9, steps.size());
    assertEquals(5, r.epochs().size());
    assertTrue(r.last().accuracy() > 0.95, "training accuracy " + r.last().accuracy());
    assertEquals(3 * PER_CLASS, Math.round(Accuracy.countCorrect(r.model().forward(x).output(), labels)
        / r.last().accuracy()), 3 * PER_CLASS * 0.05);
  }

  @Test
  void sgdAlsoReducesTheLossOfAnAutoencoderStyleRegression() {
    Random r = new Random(2);
    Tensor x = Tensor.randomNormal(Shape.of(64, 2), 1f, r);
    GraphBuilder b = Graph.builder().seed(4);
    String in = b.input("input", -1, 2);
    Graph g = b.output(b.linear("dec", b.linear("enc", in, 2, 2), 2, 2)).build();
    Loss loss = new MeanSquaredError();
    double before = Evaluation.loss(g, x, x, loss);
    Graph trained = new Trainer(loss, Sgd.withMomentum(0.05), new TrainingConfig(10, 16, 1))
        .fit(g, x, x, TrainingListener.silent()).model();
    double after = Evaluation.loss(trained, x, x, loss);
    assertTrue(after < before / 10, "loss " + before + " -> " + after);
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    int[] labels = new int[3 * PER_CLASS];
    Tensor x = points(labels);
    Tensor t = Samples.oneHot(labels, 3);
    Trainer trainer = new Trainer(new SoftmaxCrossEntropy(), Adam.defaults().withWeightDecay(1e-3),
        new TrainingConfig(2, 32, 99));
    Graph a = trainer.fit(mlp(), x, t, TrainingListener.silent()).model();
    Graph b = trainer.fit(mlp(), x, t, TrainingListener.silent()).model();
    Graph c = new Trainer(new SoftmaxCrossEntropy(), Adam.defaults().withWeightDecay(1e-3),
        new TrainingConfig(2, 32, 100)).fit(mlp(), x, t, TrainingListener.silent()).model();
    boolean anyDifferent = false;
    for (Node n : a.nodes()) {
      for (String p : n.op().parameters().names()) {
        Tensor wa = n.op().parameters().get(p);
        assertEquals(0f, wa.maxAbsDifference(b.node(n.name()).op().parameters().get(p)), n.name() + "/" + p);
        anyDifferent |= wa.maxAbsDifference(c.node(n.name()).op().parameters().get(p)) > 0;
      }
    }
    assertTrue(anyDifferent, "another shuffling seed should give other weights");
  }
}
