package org.xai4j.models;

import java.util.Map;
import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.train.Adam;
import org.xai4j.train.LearningRateSchedule;
import org.xai4j.train.RandomShift;
import org.xai4j.train.TrainingListener;

/**
 * What the MNIST classifier recipes ({@code mnist-mlp}, {@code mnist-cnn}) share: Adam on all bundled training
 * digits, each minibatch shifted by up to {@code maxShift} pixels ({@link RandomShift}), and accuracy on the
 * held-out digits. Subclasses give the architecture and their hyperparameters.
 */
abstract class MnistClassifierRecipe implements ModelRecipe {
  private final int epochs;
  private final long shuffleSeed;
  private final double learningRate;
  private final int batchSize;
  private final int maxShift;
  private final LearningRateSchedule schedule;

  /**
   * @param epochs default number of epochs
   * @param shuffleSeed default seed of the minibatch order
   * @param learningRate Adam's learning rate
   * @param batchSize samples per update
   * @param maxShift largest random shift in pixels
   * @param schedule how the learning rate changes over the run
   */
  MnistClassifierRecipe(int epochs, long shuffleSeed, double learningRate, int batchSize, int maxShift,
      LearningRateSchedule schedule) {
    this.epochs = epochs;
    this.shuffleSeed = shuffleSeed;
    this.learningRate = learningRate;
    this.batchSize = batchSize;
    this.maxShift = maxShift;
    this.schedule = schedule;
  }

  @Override
  public final TrainingBudget defaultBudget() {
    return new TrainingBudget(epochs, Mnist.TRAIN_SIZE, shuffleSeed);
  }

  @Override
  public final Map<String, Double> evaluate(Graph trained) {
    return ClassifierTraining.testAccuracy(trained, Mnist.load().test());
  }

  @Override
  public final TrainedModel train(TrainingBudget budget, TrainingListener listener) {
    Mnist mnist = Mnist.load();
    RandomShift shift = new RandomShift(maxShift);
    return ClassifierTraining.run(this, new ClassifierTraining.Setup(MnistData.DESCRIPTION, mnist.train(),
        Mnist.TEST_SIZE, Adam.withLearningRate(learningRate), batchSize, shift, shift.toString(), schedule),
        budget, listener);
  }
}
