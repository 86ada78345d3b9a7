package org.xai4j.onnx;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.xai4j.op.Abs;
import org.xai4j.op.Combination;
import org.xai4j.op.Equal;
import org.xai4j.op.Erf;
import org.xai4j.op.Exp;
import org.xai4j.op.Log;
import org.xai4j.op.Mod;
import org.xai4j.op.Neg;
import org.xai4j.op.Not;
import org.xai4j.op.Pow;
import org.xai4j.op.Reduce;
import org.xai4j.op.Reduction;
import org.xai4j.op.Resize;
import org.xai4j.op.Sign;
import org.xai4j.op.Sqrt;
import org.xai4j.op.Where;

/** Converters of element-wise math and logic, reductions, variadic ops and resizing. */
final class MathConverters {
  /** Opset from which ReduceSum takes its axes as an input. */
  static final int REDUCE_SUM_AXES_INPUT_OPSET = 13;
  /** Opset from which the other reductions take their axes as an input. */
  static final int REDUCE_AXES_INPUT_OPSET = 18;
  /** Opset from which Upsample takes its scales as an input. */
  static final int UPSAMPLE_SCALES_INPUT_OPSET = 9;
  /** First opset of Resize with roi/scales/sizes inputs and coordinate transformations. */
  static final int RESIZE_11 = 11;
  private static final int SPATIAL_RANK = 4;

  private MathConverters() {}

  static void register(ConverterRegistry.Builder b) {
    b.unary("Sqrt", Sqrt::new);
    b.unary("Exp", Exp::new);
    b.unary("Log", Log::new);
    b.unary("Neg", Neg::new);
    b.unary("Abs", Abs::new);
    b.unary("Sign", Sign::new);
    b.binary("Pow", Pow::new);
    b.unary("Erf", Erf::new);
    b.binary("Equal", Equal::new);
    b.unary("Not", Not::new);
    b.add("Mod", (n, ctx) -> ctx.emit(n, new Mod(n.attrInt("fmod", 0) != 0), 0, 1));
    b.add("Where", (n, ctx) -> ctx.emit(n, new Where(), 0, 1, 2));
    b.add("ReduceSum", (n, ctx) -> reduce(n, ctx, Reduction.SUM, REDUCE_SUM_AXES_INPUT_OPSET));
    b.add("ReduceMean", (n, ctx) -> reduce(n, ctx, Reduction.MEAN, REDUCE_AXES_INPUT_OPSET));
    b.add("ReduceMax", (n, ctx) -> reduce(n, ctx, Reduction.MAX, REDUCE_AXES_INPUT_OPSET));
    for (Combination c : Combination.values()) {
      b.add(c.onnxType(), (n, ctx) -> ctx.emit(n, new org.xai4j.op.Variadic(c),
          IntStream.range(0, n.inputCount()).toArray()));
    }
    b.add("Resize", MathConverters::resize);
    b.add("Upsample", MathConverters::upsample);
  }

  private static void reduce(OnnxNode n, ImportContext ctx, Reduction r, int axesInputOpset) {
    List<Integer> axes = TensorConverters.axes(n, ctx, axesInputOpset);
    if (axes.isEmpty() && n.attrInt("noop_with_empty_axes", 0) != 0) {
      ctx.alias(n.output(), ctx.get(n, 0));
      return;
    }
    ctx.emit(n, new Reduce(r, axes, n.attrInt("keepdims", 1) != 0), 0);
  }

  private static Resize.Mode mode(OnnxNode n) {
    String mode = n.attrString("mode", "nearest");
    return switch (mode) {
      case "nearest" -> Resize.Mode.NEAREST;
      case "linear", "bilinear" -> Resize.Mode.LINEAR;
      default -> throw n.unsupported("mode '" + mode + "' is not supported (nearest, linear)");
    };
  }

  private static void upsample(OnnxNode n, ImportContext ctx) {
    float[] scales = n.opset() < UPSAMPLE_SCALES_INPUT_OPSET ? n.attrFloats("scales")
        : floats(ctx.constant(n, 1, "scales"));
    emitResize(n, ctx, new Spec(mode(n), Resize.CoordinateTransform.ASYMMETRIC,
        Resize.NearestRounding.FLOOR), scales, null);
  }

  private static void resize(OnnxNode n, ImportContext ctx) {
    if (n.opset() < RESIZE_11) {
      emitResize(n, ctx, new Spec(mode(n), Resize.CoordinateTransform.ASYMMETRIC,
          Resize.NearestRounding.FLOOR), floats(ctx.constant(n, 1, "scales")), null);
      return;
    }
    if (n.attrInt("exclude_outside", 0) != 0 || n.attrInt("antialias", 0) != 0) {
      throw n.unsupported("exclude_outside and antialias are not supported");
    }
    if (n.has("axes") || !n.attrString("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
      throw n.unsupported("axes and keep_aspect_ratio_policy are not supported");
    }
    String ct = n.attrString("coordinate_transformation_mode", "half_pixel");
    Resize.CoordinateTransform transform = switch (ct) {
      case "half_pixel" -> Resize.CoordinateTransform.HALF_PIXEL;
      case "pytorch_half_pixel" -> Resize.CoordinateTransform.PYTORCH_HALF_PIXEL;
      case "asymmetric" -> Resize.CoordinateTransform.ASYMMETRIC;
      case "align_corners" -> Resize.CoordinateTransform.ALIGN_CORNERS;
      default -> throw n.unsupported("coordinate_transformation_mode '" + ct + "' is not supported");
    };
    String nm = n.attrString("nearest_mode", "round_prefer_floor");
    Resize.NearestRounding rounding;
    try {
      rounding = Resize.NearestRounding.valueOf(nm.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw n.unsupported("nearest_mode '" + nm + "' is not supported");
    }
    float[] scales = n.hasInput(2) ? floats(ctx.constant(n, 2, "scales")) : new float[0];
    int[] sizes = n.hasInput(3) ? spatialSizes(n, ctx) : null;
    emitResize(n, ctx, new Spec(mode(n), transform, rounding), scales.length == 0 ? null : scales, sizes);
  }

  /**
   * The {@code sizes} input, which PyTorch often computes from the input's shape: the batch and
   * channel entries must equal the input's (for every probe), the spatial ones must be fixed.
   */
  private static int[] spatialSizes(OnnxNode n, ImportContext ctx) {
    List<HostTensor> perProbe = ctx.staticPerProbe(n, 3, "sizes");
    int[] first = perProbe.get(0).ints();
    for (int p = 0; p < perProbe.size(); p++) {
      int[] s = perProbe.get(p).ints();
      org.xai4j.tensor.Shape in = ctx.shape(n, 0, p);
      if (s.length != SPATIAL_RANK || in.rank() != SPATIAL_RANK || s[0] != in.dim(0) || s[1] != in.dim(1)
          || s[2] != first[2] || s[3] != first[3]) {
        throw n.unsupported("sizes " + perProbe.get(p) + " for input " + in + " must keep N and C and "
            + "give fixed spatial extents");
      }
    }
    return first;
  }

  private record Spec(Resize.Mode mode, Resize.CoordinateTransform transform, Resize.NearestRounding rounding) {}

  private static void emitResize(OnnxNode n, ImportContext ctx, Spec spec, float[] scales, int[] sizes) {
    if (scales != null) {
      if (scales.length != SPATIAL_RANK || scales[0] != 1f || scales[1] != 1f) {
        throw n.unsupported("only 2-D resizing of NCHW tensors is supported (scales 1, 1, h, w), got "
            + java.util.Arrays.toString(scales));
      }
      ctx.emit(n, new Resize(spec.mode(), spec.transform(), spec.rounding(), scales[2], scales[3], 0, 0), 0);
    } else if (sizes != null && sizes.length == SPATIAL_RANK) {
      ctx.emit(n, new Resize(spec.mode(), spec.transform(), spec.rounding(), 0f, 0f, sizes[2], sizes[3]), 0);
    } else {
      throw n.unsupported("needs scales or sizes for the 4 axes of an NCHW tensor");
    }
  }

  private static float[] floats(HostTensor t) {
    return t.toTensor().toArray();
  }
}
