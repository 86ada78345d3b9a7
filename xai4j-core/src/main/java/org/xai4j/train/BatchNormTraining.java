package org.xai4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Batch normalization in training mode (ONNX {@code BatchNormalization} with
 * {@code training_mode = 1}, Ioffe &amp; Szegedy 2015): normalizes each channel of an
 * {@code [N, C, ...]} input with the statistics of the batch itself,
 *
 * <pre>
 *   mu_c = mean of x[:, c, ...],  s2_c = (biased) variance of x[:, c, ...]
 *   xhat = (x - mu_c) / sqrt(s2_c + epsilon),   y = scale_c * xhat + bias_c
 *   dx   = scale_c / sqrt(s2_c + epsilon) * (g - mean_c(g) - xhat * mean_c(g * xhat))
 * </pre>
 *
 * <p>Only {@code scale} and {@code bias} are trainable. {@link Trainer} substitutes this op for every
 * inference-mode {@link org.xai4j.op.BatchNormalization} while training and keeps the running
 * statistics itself (see {@link BatchNormStatistics}).
 *
 * @param scale per-channel scale (gamma), {@code [C]}
 * @param bias per-channel shift (beta), {@code [C]}
 * @param epsilon added to the variance, greater than 0
 */
public record BatchNormTraining(Tensor scale, Tensor bias, float epsilon) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "BatchNormalization";
  private static final int MIN_RANK = 2;

  /** Validates the shapes and epsilon. */
  public BatchNormTraining {
    if (scale.rank() != 1 || !bias.shape().equals(scale.shape()) || !(epsilon > 0f)) {
      throw new IllegalArgumentException(TYPE + " (training): scale " + scale.shape() + " and bias "
          + bias.shape() + " must be equal [C] vectors and epsilon > 0, got " + epsilon);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Parameters parameters() {
    return Parameters.of("scale", scale, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new BatchNormTraining(p.get("scale"), p.get(Parameters.BIAS), epsilon);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(TYPE + " (training) takes 1 input, got " + inputs.size());
    }
    Shape x = inputs.get(0);
    if (x.rank() < MIN_RANK || x.dim(1) != scale.size()) {
      throw new IllegalArgumentException(TYPE + " (training): input " + x + " must be [N, " + scale.size()
          + ", ...] for scale " + scale.shape());
    }
    return x;
  }

  /** Per-channel batch mean and biased variance of an {@code [N, C, ...]} tensor, in double. */
  record Moments(double[] mean, double[] variance, int count) {}

  static Moments moments(Tensor input) {
    Shape s = input.shape();
    int batch = s.dim(0);
    int channels = s.dim(1);
    int area = s.product(2, s.rank());
    float[] x = INTERNALS.array(input);
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    int count = batch * area;
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      for (int n = 0; n < batch; n++) {
        int off = (n * channels + c) * area;
        for (int i = off; i < off + area; i++) {
          sum += x[i];
        }
      }
      double mu = sum / count;
      double sq = 0;
      for (int n = 0; n < batch; n++) {
        int off = (n * channels + c) * area;
        for (int i = off; i < off + area; i++) {
          double d = x[i] - mu;
          sq += d * d;
        }
      }
      mean[c] = mu;
      variance[c] = sq / count;
    }
    return new Moments(mean, variance, count);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape s = outputShape(List.of(inputs.get(0).shape()));
    Moments m = moments(inputs.get(0));
    float[] x = INTERNALS.array(inputs.get(0));
    float[] g = INTERNALS.array(scale);
    float[] b = INTERNALS.array(bias);
    int channels = s.dim(1);
    int area = s.product(2, s.rank());
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      int c = (i / area) % channels;
      y[i] = (float) (g[c] * (x[i] - m.mean()[c]) / Math.sqrt(m.variance()[c] + epsilon) + b[c]);
    }
    return INTERNALS.adopt(s, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor input = ctx.input(0);
    Shape s = input.shape();
    Moments m = moments(input);
    int batch = s.dim(0);
    int channels = s.dim(1);
    int area = s.product(2, s.rank());
    float[] x = INTERNALS.array(input);
    float[] g = INTERNALS.array(gradOutput);
    float[] gamma = INTERNALS.array(scale);
    double[] gSum = new double[channels];
    double[] gxSum = new double[channels];
    double[] inv = new double[channels];
    for (int c = 0; c < channels; c++) {
      inv[c] = 1 / Math.sqrt(m.variance()[c] + epsilon);
      for (int n = 0; n < batch; n++) {
        int off = (n * channels + c) * area;
        for (int i = off; i < off + area; i++) {
          gSum[c] += g[i];
          gxSum[c] += g[i] * (x[i] - m.mean()[c]) * inv[c];
        }
      }
    }
    Tensor gradX = null;
    if (ctx.needsInput(0)) {
      float[] dx = new float[x.length];
      for (int i = 0; i < dx.length; i++) {
        int c = (i / area) % channels;
        double xhat = (x[i] - m.mean()[c]) * inv[c];
        dx[i] = (float) (gamma[c] * inv[c] * (g[i] - gSum[c] / m.count() - xhat * gxSum[c] / m.count()));
      }
      gradX = INTERNALS.adopt(s, dx);
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      params.put("scale", Tensor.of(scale.shape(), gxSum));
      params.put(Parameters.BIAS, Tensor.of(scale.shape(), gSum));
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }

  @Override
  public String toString() {
    return TYPE + "[training, channels=" + scale.size() + ", epsilon=" + epsilon + "]";
  }
}
