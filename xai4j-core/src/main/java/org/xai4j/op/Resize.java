package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code Resize} (and {@code Upsample}) of the two spatial axes of an NCHW tensor, in
 * {@code nearest} or (bi){@code linear} mode. Each output extent is {@code outH}/{@code outW} when
 * positive, else {@code floor(in * scale)}. Output coordinate {@code o} maps to input coordinate
 * {@code x} by the coordinate transformation, with {@code s} the scale (output/input extent when
 * sizes are given):
 * <ul>
 *   <li>half_pixel: {@code x = (o + 0.5) / s - 0.5}; pytorch_half_pixel: the same, 0 for a length-1
 *       output;
 *   <li>asymmetric: {@code x = o / s} (Upsample, PyTorch's nearest);
 *   <li>align_corners: {@code x = o (in - 1) / (out - 1)}.
 * </ul>
 * Nearest mode rounds {@code x} by {@code rounding} and clamps it to the input; linear mode clamps
 * {@code x} to {@code [0, in - 1]} and interpolates between its two neighbours. Both are linear
 * maps of the input, applied separably per axis, so the backward pass is the transposed map.
 *
 * @param mode nearest or linear
 * @param transform the coordinate transformation (ONNX default half_pixel)
 * @param rounding rounding of nearest mode (ONNX default round_prefer_floor)
 * @param scaleH scale of axis 2, used when {@code outH <= 0} and for the coordinate transform
 * @param scaleW scale of axis 3, used when {@code outW <= 0} and for the coordinate transform
 * @param outH fixed output height, or 0 to derive it from the scale
 * @param outW fixed output width, or 0 to derive it from the scale
 */
public record Resize(Mode mode, CoordinateTransform transform, NearestRounding rounding,
    float scaleH, float scaleW, int outH, int outW) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Interpolation mode. */
  public enum Mode {
    /** Nearest neighbour. */
    NEAREST,
    /** Bilinear interpolation. */
    LINEAR
  }

  /** ONNX {@code coordinate_transformation_mode}. */
  public enum CoordinateTransform {
    /** {@code (o + 0.5) / s - 0.5}. */
    HALF_PIXEL,
    /** {@code (o + 0.5) / s - 0.5}, or 0 when the output extent is 1. */
    PYTORCH_HALF_PIXEL,
    /** {@code o / s}. */
    ASYMMETRIC,
    /** {@code o (in - 1) / (out - 1)}. */
    ALIGN_CORNERS
  }

  /** ONNX {@code nearest_mode}. */
  public enum NearestRounding {
    /** Round half down. */
    ROUND_PREFER_FLOOR,
    /** Round half up. */
    ROUND_PREFER_CEIL,
    /** Round down. */
    FLOOR,
    /** Round up. */
    CEIL
  }

  private static final int RANK = 4;

  /** Validates the scales. */
  public Resize {
    OpChecks.require((outH > 0 || scaleH > 0) && (outW > 0 || scaleW > 0), "Resize",
        "needs positive scales or sizes, got scales " + scaleH + ", " + scaleW + " sizes " + outH + ", " + outW);
  }

  @Override
  public String type() {
    return "Resize";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape in = inputs.get(0);
    OpChecks.rank(type(), "input", in, RANK);
    int h = outH > 0 ? outH : (int) Math.floor(in.dim(2) * (double) scaleH);
    int w = outW > 0 ? outW : (int) Math.floor(in.dim(3) * (double) scaleW);
    OpChecks.require(h > 0 && w > 0, type(), "input " + in + " resizes to an empty " + h + "x" + w);
    return Shape.of(in.dim(0), in.dim(1), h, w);
  }

  /** Two taps per output position along one axis (the second has weight 0 in nearest mode). */
  private record Taps(int[] i0, int[] i1, float[] w1) {}

  private Taps taps(int in, int out, float scale, boolean fixedSize) {
    double s = fixedSize ? (double) out / in : scale;
    int[] i0 = new int[out];
    int[] i1 = new int[out];
    float[] w1 = new float[out];
    for (int o = 0; o < out; o++) {
      double x = switch (transform) {
        case HALF_PIXEL -> (o + 0.5) / s - 0.5;
        case PYTORCH_HALF_PIXEL -> out > 1 ? (o + 0.5) / s - 0.5 : 0;
        case ASYMMETRIC -> o / s;
        case ALIGN_CORNERS -> out > 1 ? o * (in - 1.0) / (out - 1.0) : 0;
      };
      if (mode == Mode.NEAREST) {
        i0[o] = clamp((int) round(x), in);
        i1[o] = i0[o];
      } else {
        double c = Math.max(0, Math.min(x, in - 1));
        i0[o] = (int) Math.floor(c);
        i1[o] = Math.min(i0[o] + 1, in - 1);
        w1[o] = (float) (c - i0[o]);
      }
    }
    return new Taps(i0, i1, w1);
  }

  private double round(double x) {
    return switch (rounding) {
      case ROUND_PREFER_FLOOR -> Math.ceil(x - 0.5);
      case ROUND_PREFER_CEIL -> Math.floor(x + 0.5);
      case FLOOR -> Math.floor(x);
      case CEIL -> Math.ceil(x);
    };
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(i, n - 1));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape in = inputs.get(0).shape();
    Shape out = outputShape(List.of(in));
    float[] x = INTERNALS.array(inputs.get(0));
    float[] y = new float[out.size()];
    apply(in, out, x, y, false);
    return INTERNALS.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape in = ctx.input(0).shape();
    float[] gx = new float[in.size()];
    apply(in, gradOutput.shape(), gx, INTERNALS.array(gradOutput), true);
    return Gradients.ofInputs(INTERNALS.adopt(in, gx));
  }

  /**
   * The resize map between an input plane array {@code x} and output array {@code y}: forward
   * writes {@code y}; transposed accumulates {@code y} into {@code x}.
   */
  private void apply(Shape in, Shape out, float[] x, float[] y, boolean transposed) {
    int h = in.dim(2);
    int w = in.dim(3);
    int oh = out.dim(2);
    int ow = out.dim(3);
    Taps ty = taps(h, oh, scaleH, outH > 0);
    Taps tx = taps(w, ow, scaleW, outW > 0);
    int planes = in.dim(0) * in.dim(1);
    for (int p = 0; p < planes; p++) {
      int ib = p * h * w;
      int ob = p * oh * ow;
      for (int oy = 0; oy < oh; oy++) {
        int r0 = ib + ty.i0[oy] * w;
        int r1 = ib + ty.i1[oy] * w;
        float wy1 = ty.w1[oy];
        float wy0 = 1f - wy1;
        for (int ox = 0; ox < ow; ox++) {
          int c0 = tx.i0[ox];
          int c1 = tx.i1[ox];
          float wx1 = tx.w1[ox];
          float wx0 = 1f - wx1;
          int o = ob + oy * ow + ox;
          if (transposed) {
            float g = y[o];
            x[r0 + c0] += wy0 * wx0 * g;
            x[r0 + c1] += wy0 * wx1 * g;
            x[r1 + c0] += wy1 * wx0 * g;
            x[r1 + c1] += wy1 * wx1 * g;
          } else {
            y[o] = wy0 * (wx0 * x[r0 + c0] + wx1 * x[r0 + c1]) + wy1 * (wx0 * x[r1 + c0] + wx1 * x[r1 + c1]);
          }
        }
      }
    }
  }
}
