package org.xai4j.visualize.prototype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.visualize.density.Density;

/**
 * Measures prototypes: the classifier's probability of the target class, the distance to the data
 * (mean Euclidean distance to the {@link #NEIGHBOURS} nearest training images, by exhaustive
 * search) and, where the method has one, the expert's log-likelihood.
 */
public final class QualityMeasures {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** How many nearest training images the data distance averages over. */
  public static final int NEIGHBOURS = 5;

  private final Graph classifier;
  private final String logits;
  private final Tensor training;
  private final double[] trainingNorms;

  /**
   * Measures against this classifier and these training images.
   *
   * @param classifier a graph with one input and its logits as only output
   * @param training at least {@link #NEIGHBOURS} images {@code [N, ...]} of the classifier's input shape
   * @throws IllegalArgumentException if there are too few training images or the classifier's output is a softmax
   */
  public QualityMeasures(Graph classifier, Tensor training) {
    this.logits = ActivationMaximization.logits(classifier);
    if (training.rank() < 2 || training.shape().dim(0) < NEIGHBOURS) {
      throw new IllegalArgumentException("the data distance needs at least " + NEIGHBOURS + " training images, got "
          + "shape " + training.shape());
    }
    this.classifier = classifier;
    this.training = training;
    int n = training.shape().dim(0);
    int d = training.size() / n;
    float[] t = INTERNALS.array(training);
    trainingNorms = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += (double) t[i * d + j] * t[i * d + j];
      }
      trainingNorms[i] = s;
    }
  }

  /**
   * The quality of each prototype.
   *
   * @param expert the method's density, or null for methods without one
   */
  public List<PrototypeQuality> measure(Prototypes prototypes, Density expert) {
    Tensor images = prototypes.images();
    int[] classes = prototypes.classes();
    double[] p = ClassScore.probabilities(classifier.forward(images, List.of(logits)).get(logits), classes);
    double[] distance = dataDistance(images);
    double[] ll = expert == null ? null : expert.logDensity(images);
    List<PrototypeQuality> out = new ArrayList<>();
    for (int i = 0; i < classes.length; i++) {
      out.add(new PrototypeQuality(classes[i], p[i], distance[i],
          ll == null ? OptionalDouble.empty() : OptionalDouble.of(ll[i]), prototypes.stepsDone()));
    }
    return out;
  }

  /**
   * The mean Euclidean distance from each image to its {@link #NEIGHBOURS} nearest training images.
   *
   * @throws IllegalArgumentException if an image does not have the training images' size
   */
  public double[] dataDistance(Tensor images) {
    int n = training.shape().dim(0);
    int d = training.size() / n;
    int m = images.shape().dim(0);
    if (images.size() != m * d) {
      throw new IllegalArgumentException("images of shape " + images.shape() + " cannot be compared with training "
          + "images of shape " + training.shape());
    }
    float[] x = INTERNALS.array(images);
    float[] t = INTERNALS.array(training);
    double[] out = new double[m];
    double[] squared = new double[n];
    for (int i = 0; i < m; i++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        norm += (double) x[i * d + j] * x[i * d + j];
      }
      for (int k = 0; k < n; k++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += (double) x[i * d + j] * t[k * d + j];
        }
        squared[k] = Math.max(0, norm - 2 * dot + trainingNorms[k]);
      }
      double[] nearest = Arrays.copyOf(squared, n);
      Arrays.sort(nearest);
      double s = 0;
      for (int k = 0; k < NEIGHBOURS; k++) {
        s += Math.sqrt(nearest[k]);
      }
      out[i] = s / NEIGHBOURS;
    }
    return out;
  }
}
