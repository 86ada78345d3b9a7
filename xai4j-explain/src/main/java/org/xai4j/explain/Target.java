package org.xai4j.explain;

import java.util.Arrays;
import java.util.Optional;
import org.xai4j.backprop.Seeds;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * What an {@link Attributor} explains: where the reverse pass starts (a value of the graph) and
 * the signal placed there (the seed). Class targets seed a one-hot of 1 at the model output, as
 * Captum and Zennit's gradient attributors do; scale the relevance by the logit for Zennit's
 * {@code output * one_hot} convention.
 *
 * <p>A target is resolved against the trace of the <em>explained</em> input; methods that evaluate
 * the model at other points (Integrated Gradients, SmoothGrad, occlusion) keep that seed, so the
 * argmax is taken once, at the input.
 *
 * <p>Examples: {@code Target.argmax()}, {@code Target.classes(3)} (class 3 for every sample),
 * {@code Target.classes(3, 7)} (one class per sample), {@code Target.channel("/layer2/Relu", 5)}
 * (the sum of channel 5 of a hidden value), {@code Target.outputSeed(weights)} (any linear
 * combination of the outputs).
 */
public sealed interface Target {
  /** The name of the value the seed is placed at. */
  String value(Graph graph);

  /**
   * The seed for the batch recorded in {@code trace}, with the shape of {@link #value}.
   *
   * @throws IllegalArgumentException if the target does not fit the value's shape
   */
  Tensor seed(Trace trace);

  /** The largest output of each sample (flattened per sample). */
  static Target argmax() {
    return new Argmax();
  }

  /**
   * Output index per sample: one index for all samples, or one per batch entry.
   *
   * @throws IllegalArgumentException if no index is given
   */
  static Target classes(int... perSample) {
    return new Classes(perSample);
  }

  /** A custom seed at the graph's first output, shape {@code [N, ...]} like the output. */
  static Target outputSeed(Tensor seed) {
    return new Seed(Optional.empty(), seed);
  }

  /** A custom seed at any value (graph input or node output) with that value's shape. */
  static Target seedAt(String value, Tensor seed) {
    return new Seed(Optional.of(value), seed);
  }

  /** One unit (flat index within a sample) of a hidden value, the same for every sample. */
  static Target unit(String value, int flatIndex) {
    return new Unit(value, flatIndex);
  }

  /** The sum over a whole channel (axis 1) of a hidden value, the same for every sample. */
  static Target channel(String value, int channel) {
    return new Channel(value, channel);
  }

  /** See {@link Target#argmax()}. */
  record Argmax() implements Target {
    @Override
    public String value(Graph graph) {
      return graph.outputs().get(0);
    }

    @Override
    public Tensor seed(Trace trace) {
      Tensor out = trace.output();
      return Seeds.oneHot(out.shape(), argmaxPerSample(out), 1f);
    }

    /** The flat index of the largest element of each sample of {@code [N, ...]}. */
    public static int[] argmaxPerSample(Tensor out) {
      int n = out.shape().dim(0);
      return out.reshape(n, out.size() / Math.max(1, n)).argmaxRows();
    }
  }

  /**
   * See {@link Target#classes}.
   *
   * @param perSample one index for all samples, or one per sample
   */
  record Classes(int[] perSample) implements Target {
    /** Copies the indices and rejects an empty list. */
    public Classes {
      if (perSample.length == 0) {
        throw new IllegalArgumentException("a class target needs at least one index");
      }
      perSample = perSample.clone();
    }

    @Override
    public int[] perSample() {
      return perSample.clone();
    }

    @Override
    public String value(Graph graph) {
      return graph.outputs().get(0);
    }

    @Override
    public Tensor seed(Trace trace) {
      Shape shape = trace.output().shape();
      int n = shape.dim(0);
      int[] t = perSample.length == 1 && n != 1 ? filled(n, perSample[0]) : perSample;
      return Seeds.oneHot(shape, t, 1f);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Classes c && Arrays.equals(c.perSample, perSample);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(perSample);
    }

    @Override
    public String toString() {
      return "Classes" + Arrays.toString(perSample);
    }
  }

  /**
   * See {@link Target#outputSeed} and {@link Target#seedAt}.
   *
   * @param at the value, or empty for the graph's first output
   * @param seed the signal, shaped like the value for the explained batch
   */
  record Seed(Optional<String> at, Tensor seed) implements Target {
    @Override
    public String value(Graph graph) {
      return at.orElse(graph.outputs().get(0));
    }

    @Override
    public Tensor seed(Trace trace) {
      Tensor v = trace.get(value(trace.graph()));
      seed.requireSameShape(v, "seed for value '" + value(trace.graph()) + "'");
      return seed;
    }
  }

  /**
   * See {@link Target#unit}.
   *
   * @param value a value of the graph
   * @param flatIndex the element within one sample
   */
  record Unit(String value, int flatIndex) implements Target {
    @Override
    public String value(Graph graph) {
      return value;
    }

    @Override
    public Tensor seed(Trace trace) {
      Shape shape = trace.get(value).shape();
      return Seeds.oneHot(shape, filled(shape.dim(0), flatIndex), 1f);
    }
  }

  /**
   * See {@link Target#channel}.
   *
   * @param value a value of rank 2 or more ({@code [N, C, ...]})
   * @param channel the channel index along axis 1
   */
  record Channel(String value, int channel) implements Target {
    @Override
    public String value(Graph graph) {
      return value;
    }

    @Override
    public Tensor seed(Trace trace) {
      Shape shape = trace.get(value).shape();
      if (shape.rank() < 2 || channel < 0 || channel >= shape.dim(1)) {
        throw new IllegalArgumentException("channel " + channel + " does not exist in value '" + value
            + "' of shape " + shape);
      }
      // the gradient of the channel's sum, sum_s v[n, channel, s]: its one-hot over the channels,
      // broadcast over the batch and the other axes
      int[] oneChannel = new int[shape.rank()];
      Arrays.fill(oneChannel, 1);
      oneChannel[1] = shape.dim(1);
      return Tensor.zeros(shape).add(Seeds.oneHot(Shape.of(1, shape.dim(1)), new int[] {channel}, 1f)
          .reshape(oneChannel));
    }
  }

  private static int[] filled(int n, int v) {
    int[] t = new int[n];
    Arrays.fill(t, v);
    return t;
  }
}
