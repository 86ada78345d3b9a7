package org.xai4j.explain.canon;

import java.util.Optional;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Gemm;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The arithmetic of merging an inference batch norm {@code y = g (x - mean) / sqrt(var + eps) + beta}
 * into the linear layer before it: with {@code s = g / sqrt(var + eps)} per output channel,
 * {@code W' = s W} and {@code b' = s (b - mean) + beta} (Zennit's {@code MergeBatchNorm}; a layer
 * without bias gets one).
 */
final class BatchNormFolding {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private BatchNormFolding() {}

  /** The per-channel gain {@code s} and shift {@code beta - s mean} of a batch norm. */
  static float[][] gainAndShift(BatchNormalization bn) {
    float[] g = INTERNALS.array(bn.scale());
    float[] beta = INTERNALS.array(bn.bias());
    float[] mean = INTERNALS.array(bn.mean());
    float[] var = INTERNALS.array(bn.var());
    float[] gain = new float[g.length];
    float[] shift = new float[g.length];
    for (int c = 0; c < g.length; c++) {
      gain[c] = (float) (g[c] / Math.sqrt((double) var[c] + bn.epsilon()));
      shift[c] = beta[c] - gain[c] * mean[c];
    }
    return new float[][] {gain, shift};
  }

  /** The layer with the batch norm merged in, or empty if the layer's form is not supported. */
  static Optional<Op> merge(Op linear, BatchNormalization bn) {
    float[][] gs = gainAndShift(bn);
    float[] gain = gs[0];
    if (linear instanceof Conv c && c.weight().shape().dim(0) == gain.length) {
      return Optional.of(new Conv(scaleAxis0(c.weight(), gain), bias(c.bias(), 1f, bn, gain), c.strides(),
          c.pads(), c.dilations(), c.group()));
    }
    if (linear instanceof ConvTranspose t && t.weight().shape().dim(1) * t.group() == gain.length) {
      return Optional.of(new ConvTranspose(scaleTransposed(t.weight(), gain, t.group()),
          bias(t.bias(), 1f, bn, gain), t.strides(), t.pads(), t.outputPadding(), t.dilations(), t.group()));
    }
    if (linear instanceof Gemm m && !m.transA() && gemmBiasPerOutput(m, gain.length)) {
      Tensor w = m.transB() ? scaleAxis0(m.weight(), gain) : scaleAxis1(m.weight(), gain);
      Tensor b = bias(m.bias() == null ? null : m.bias().reshape(Shape.of(gain.length)), m.beta(), bn, gain);
      return Optional.of(new Gemm(w, b, false, m.transB(), m.alpha(), 1f));
    }
    return Optional.empty();
  }

  private static boolean gemmBiasPerOutput(Gemm m, int outputs) {
    int n = m.transB() ? m.weight().shape().dim(0) : m.weight().shape().dim(1);
    return n == outputs && (m.bias() == null || m.bias().size() == outputs);
  }

  /** {@code s (beta_linear * b - mean) + bnBeta}, with {@code b = 0} for a layer without bias. */
  private static Tensor bias(Tensor b, float linearBeta, BatchNormalization bn, float[] gain) {
    float[] mean = INTERNALS.array(bn.mean());
    float[] beta = INTERNALS.array(bn.bias());
    float[] old = b == null ? new float[gain.length] : INTERNALS.array(b);
    float[] out = new float[gain.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = (linearBeta * old[c] - mean[c]) * gain[c] + beta[c];
    }
    return INTERNALS.adopt(Shape.of(gain.length), out);
  }

  /** Scales slice {@code c} of axis 0 by {@code gain[c]}. */
  private static Tensor scaleAxis0(Tensor w, float[] gain) {
    float[] src = INTERNALS.array(w);
    float[] out = new float[src.length];
    int inner = src.length / gain.length;
    for (int i = 0; i < out.length; i++) {
      out[i] = src[i] * gain[i / inner];
    }
    return INTERNALS.adopt(w.shape(), out);
  }

  /** Scales column {@code c} of a matrix by {@code gain[c]}. */
  private static Tensor scaleAxis1(Tensor w, float[] gain) {
    float[] src = INTERNALS.array(w);
    float[] out = new float[src.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = src[i] * gain[i % gain.length];
    }
    return INTERNALS.adopt(w.shape(), out);
  }

  /**
   * Scales a transposed-convolution weight {@code [C, M / group, ...]}, whose output channel for
   * input channel {@code c} and slot {@code j} is {@code (c / (C / group)) * (M / group) + j}.
   */
  private static Tensor scaleTransposed(Tensor w, float[] gain, int group) {
    Shape s = w.shape();
    int in = s.dim(0);
    int perGroupOut = s.dim(1);
    int area = s.product(2, s.rank());
    float[] src = INTERNALS.array(w);
    float[] out = new float[src.length];
    for (int c = 0; c < in; c++) {
      int firstOut = (c / (in / group)) * perGroupOut;
      for (int j = 0; j < perGroupOut; j++) {
        float gn = gain[firstOut + j];
        int base = (c * perGroupOut + j) * area;
        for (int i = base; i < base + area; i++) {
          out[i] = src[i] * gn;
        }
      }
    }
    return INTERNALS.adopt(s, out);
  }
}
