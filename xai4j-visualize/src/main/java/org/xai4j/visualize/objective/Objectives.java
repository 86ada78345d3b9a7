package org.xai4j.visualize.objective;

/**
 * The primitive {@link Objective}s, with Lucid's names and definitions (Olah, Mordvintsev &amp;
 * Schubert, "Feature Visualization", Distill 2017; {@code lucid/optvis/objectives.py}). Combine
 * them with {@link Objective#plus}, {@link Objective#minus}, {@link Objective#times} and
 * {@link Objective#forItem}.
 *
 * <p>Nodes are named as in the graph; channel indices count from 0. Differences from Lucid and
 * Lucent: every objective over the batch is a batch mean (Lucid sums {@code neuron} and
 * {@code class_logit} over the batch, Lucent averages; with Adam the scale does not change the
 * images, only the balance against other terms); Lucent's {@code direction} is a pure cosine
 * similarity, ours is Lucid's dot product (see {@link #direction}).
 */
public final class Objectives {
  private Objectives() {}

  /** One unit at the centre of channel {@code channel}, or unit {@code channel} of a {@code [N, C]} node. */
  public static Objective neuron(String node, int channel) {
    return new Neuron(node, channel, null, null, "neuron");
  }

  /** One unit of channel {@code channel} at row {@code y}, column {@code x}. */
  public static Objective neuron(String node, int channel, int y, int x) {
    return new Neuron(node, channel, y, x, "neuron");
  }

  /** The spatial mean of a channel. */
  public static Objective channel(String node, int channel) {
    return new Channel(node, channel);
  }

  /** DeepDream: the mean of the squared activations of a whole layer. */
  public static Objective deepDream(String node) {
    return new DeepDream(node);
  }

  /** The logit of class {@code label} of a {@code [N, classes]} node. */
  public static Objective classLogit(String node, int label) {
    return new Neuron(node, label, null, null, "class_logit");
  }

  /** The softmax probability of class {@code label} computed from a {@code [N, classes]} logits node. */
  public static Objective classProbability(String node, int label) {
    return new ClassProbability(node, label);
  }

  /**
   * The mean over positions of the dot product with a direction (one weight per channel), Lucid's
   * {@code direction} with {@code cossim_pow = 0}.
   */
  public static Objective direction(String node, float[] vector) {
    return new Direction(node, vector, 0, false, null, null);
  }

  /** As {@link #direction(String, float[])} with each dot product weighted by the floored cosine similarity to the power {@code cossimPow}. */
  public static Objective direction(String node, float[] vector, double cossimPow) {
    return new Direction(node, vector, cossimPow, false, null, null);
  }

  /** The dot product with a direction at the centre position, Lucid's {@code direction_neuron}. */
  public static Objective directionNeuron(String node, float[] vector, double cossimPow) {
    return new Direction(node, vector, cossimPow, true, null, null);
  }

  /** The dot product with a direction at row {@code y}, column {@code x}, weighted by the cosine similarity to the power {@code cossimPow}. */
  public static Objective directionNeuron(String node, float[] vector, double cossimPow, int y, int x) {
    return new Direction(node, vector, cossimPow, true, y, x);
  }

  /**
   * Lucid's {@code direction_neuron_cossim}: the dot product with a direction at the centre,
   * weighted by the floored cosine similarity ({@code cossim_pow = 1}).
   */
  public static Objective directionNeuronCossim(String node, float[] vector) {
    return directionNeuron(node, vector, 1);
  }

  /** Minus the batch's Gram-matrix similarity at a node (see {@link Diversity}); add it with a weight such as 100. */
  public static Objective diversity(String node) {
    return new Diversity(node);
  }

  /** L1 norm of the image (a penalty: subtract it). */
  public static Objective l1() {
    return new L1Penalty(0);
  }

  /** L1 distance of the image from a constant (a penalty: subtract it). */
  public static Objective l1(double constant) {
    return new L1Penalty(constant);
  }

  /** L2 norm of the batch of images (a penalty: subtract it). */
  public static Objective l2() {
    return new L2Penalty(0);
  }

  /** L2 distance of the batch of images from a constant (a penalty: subtract it). */
  public static Objective l2(double constant) {
    return new L2Penalty(constant);
  }

  /** Total variation of the image (a penalty: subtract it). */
  public static Objective totalVariation() {
    return new TotalVariation();
  }

  /** Lucid's blur-each-step term (subtract {@code k} times it to blur by {@code k} each step). */
  public static Objective blurEachStep() {
    return new BlurEachStep();
  }
}
