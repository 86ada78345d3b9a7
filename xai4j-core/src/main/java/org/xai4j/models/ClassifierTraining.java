package org.xai4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.data.LabeledImages;
import org.xai4j.graph.Graph;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.train.Augmentation;
import org.xai4j.train.Evaluation;
import org.xai4j.train.LearningRateSchedule;
import org.xai4j.train.Optimizer;
import org.xai4j.train.SoftmaxCrossEntropy;
import org.xai4j.train.Trainer;
import org.xai4j.train.TrainingConfig;
import org.xai4j.train.TrainingListener;
import org.xai4j.train.TrainingResult;

/** The training and measuring that all image-classifier recipes share. */
final class ClassifierTraining {
  /** The name of the held-out accuracy metric. */
  static final String TEST_ACCURACY = "test_accuracy";
  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * What a classifier recipe trains on and with.
   *
   * @param data a description of the data set and split
   * @param train the training images
   * @param testSamples the number of held-out images {@link ModelRecipe#evaluate} measures on
   * @param optimizer the update rule
   * @param batchSize samples per update
   * @param augmentation minibatch augmentation
   * @param augmentationDescription how {@code augmentation} is described in the training record
   * @param schedule how the learning rate changes over the run
   */
  record Setup(String data, LabeledImages train, int testSamples, Optimizer optimizer, int batchSize,
      Augmentation augmentation, String augmentationDescription, LearningRateSchedule schedule) {}

  private ClassifierTraining() {}

  /** Trains the recipe's graph with cross-entropy and adds the training numbers to its metrics. */
  static TrainedModel run(ModelRecipe recipe, Setup s, TrainingBudget budget, TrainingListener listener) {
    LabeledImages train = s.train().head(budget.trainSamples());
    long start = System.nanoTime();
    TrainingResult r = new Trainer(new SoftmaxCrossEntropy(), s.optimizer(),
        new TrainingConfig(budget.epochs(), s.batchSize(), budget.seed(), s.schedule()), s.augmentation())
        .fit(recipe.build(), train.images(), train.oneHotLabels(), listener);
    double seconds = secondsSince(start);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.putAll(recipe.evaluate(r.model()));
    metrics.put("train_loss", r.last().loss());
    metrics.put("train_accuracy", r.last().accuracy());
    metrics.put("training_seconds", seconds);
    Map<String, String> training = describe(s.data(), train.size(), s.testSamples(), "softmax cross-entropy",
        s.optimizer(), budget, s.batchSize());
    training.put("augmentation", s.augmentationDescription());
    training.put("learning_rate_schedule", s.schedule().toString());
    return new TrainedModel(recipe.name(), r.model(), metrics, training);
  }

  /** The test accuracy of a classifier, the held-out metric of all classifier recipes. */
  static Map<String, Double> testAccuracy(Graph model, LabeledImages test) {
    return Map.of(TEST_ACCURACY, Evaluation.accuracy(model, test));
  }

  /** Seconds elapsed since {@code startNanos} ({@link System#nanoTime()}). */
  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / NANOS_PER_SECOND;
  }

  /** The training record common to all recipes. */
  static Map<String, String> describe(String data, int trainSize, int testSize, String loss, Optimizer optimizer,
      TrainingBudget budget, int batchSize) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("data", data);
    t.put("train_samples", Integer.toString(trainSize));
    t.put("test_samples", Integer.toString(testSize));
    t.put("loss", loss);
    t.put("optimizer", optimizer.toString());
    t.put("epochs", Integer.toString(budget.epochs()));
    t.put("batch_size", Integer.toString(batchSize));
    t.put("seed", Long.toString(budget.seed()));
    t.put("threads", Integer.toString(Parallelism.threads()));
    t.put("kernels", Kernels.provider());
    t.put("java", Runtime.version().toString());
    return t;
  }
}
