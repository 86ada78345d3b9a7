package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.xai4j.op.Concat;
import org.xai4j.op.DynamicExpand;
import org.xai4j.op.Expand;
import org.xai4j.op.Flatten;
import org.xai4j.op.Gather;
import org.xai4j.op.Pad;
import org.xai4j.op.Reshape;
import org.xai4j.op.Slice;
import org.xai4j.op.Squeeze;
import org.xai4j.op.Tile;
import org.xai4j.op.Transpose;
import org.xai4j.op.Unsqueeze;
import org.xai4j.tensor.Shape;

/**
 * Converters of constants and shape-manipulating ops. The shape computations PyTorch emits
 * ({@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Concat}, {@code Cast}, {@code Slice},
 * {@code ConstantOfShape}, {@code Range}, {@code ScatterND}, ...) are folded at import time, per
 * probe of the dynamic dimensions.
 */
final class TensorConverters {
  /** Opset from which Squeeze and Unsqueeze take their axes as an input instead of an attribute. */
  static final int AXES_AS_INPUT_OPSET = 13;
  /** Opset from which Slice takes starts, ends, axes and steps as inputs. */
  static final int SLICE_INPUTS_OPSET = 10;
  /** Opset from which Pad takes pads and the constant value as inputs. */
  static final int PAD_INPUTS_OPSET = 11;

  private TensorConverters() {}

  static void register(ConverterRegistry.Builder b) {
    b.add("Constant", TensorConverters::constant)
        .add("Identity", (n, ctx) -> ctx.alias(n.output(), ctx.get(n, 0)))
        .add("Shape", TensorConverters::shape)
        .add("Gather", TensorConverters::gather)
        .add("Unsqueeze", (n, ctx) -> ctx.emit(n, new Unsqueeze(axes(n, ctx, AXES_AS_INPUT_OPSET)), 0))
        .add("Squeeze", (n, ctx) -> ctx.emit(n, new Squeeze(axes(n, ctx, AXES_AS_INPUT_OPSET)), 0))
        .add("Concat", TensorConverters::concat)
        .add("Cast", TensorConverters::cast)
        .add("Slice", TensorConverters::slice)
        .add("Reshape", TensorConverters::reshape)
        .add("Flatten", (n, ctx) -> ctx.emit(n, new Flatten(n.attrInt32("axis", Flatten.DEFAULT_AXIS)), 0))
        .add("Transpose", (n, ctx) -> ctx.emit(n, n.has("perm")
            ? new Transpose(Arrays.stream(n.attrIntArray("perm", null)).boxed().toList()) : new Transpose(), 0))
        .add("Pad", TensorConverters::pad)
        .add("Split", TensorConverters::split)
        .add("Expand", TensorConverters::expand)
        .add("ConstantOfShape", TensorConverters::constantOfShape)
        .add("Range", (n, ctx) -> {
          List<HostTensor> start = ctx.staticPerProbe(n, 0, "start; Range is supported on constants only");
          List<HostTensor> limit = ctx.staticPerProbe(n, 1, "limit; Range is supported on constants only");
          List<HostTensor> delta = ctx.staticPerProbe(n, 2, "delta; Range is supported on constants only");
          ctx.foldEach(n, p -> StaticOps.range(start.get(p), limit.get(p), delta.get(p)));
        })
        .add("ScatterND", TensorConverters::scatterNd)
        .add("Tile", (n, ctx) -> ctx.emit(n, new Tile(boxed(ctx.constant(n, 1, "repeats").ints())), 0));
  }

  /**
   * The {@code axes} of a node: the attribute before {@code sinceOpset}, the optional input 1 from
   * then on; empty when absent.
   */
  static List<Integer> axes(OnnxNode n, ImportContext ctx, int sinceOpset) {
    int[] axes;
    if (n.opset() >= sinceOpset) {
      axes = n.hasInput(1) ? ctx.constant(n, 1, "axes").ints() : new int[0];
    } else {
      axes = n.attrIntArray("axes", new int[0]);
    }
    return Arrays.stream(axes).boxed().toList();
  }

  private static void constant(OnnxNode n, ImportContext ctx) {
    HostTensor v;
    if (n.has("value")) {
      v = ctx.readTensor(n.attribute("value").getT());
    } else if (n.has("value_float")) {
      v = new HostTensor(Shape.scalar(), new double[] {n.attrFloat("value_float", 0f)}, false);
    } else if (n.has("value_floats")) {
      float[] f = n.attrFloats("value_floats");
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      v = new HostTensor(Shape.of(d.length), d, false);
    } else if (n.has("value_int")) {
      v = new HostTensor(Shape.scalar(), new double[] {n.attrInt("value_int", 0)}, true);
    } else if (n.has("value_ints")) {
      v = HostTensor.ints(n.attrInts("value_ints"));
    } else {
      throw n.unsupported("only tensor, float(s) and int(s) values are supported; attributes are "
          + n.attributeNames());
    }
    ctx.defineConstant(n.output(), v);
  }

  private static void shape(OnnxNode n, ImportContext ctx) {
    ctx.foldEach(n, p -> {
      int[] dims = ctx.shape(n, 0, p).toArray();
      int start = clampAxis(n.attrInt("start", 0), dims.length);
      int end = clampAxis(n.attrInt("end", dims.length), dims.length);
      long[] out = new long[Math.max(0, end - start)];
      for (int i = 0; i < out.length; i++) {
        out[i] = dims[start + i];
      }
      return HostTensor.ints(out);
    });
  }

  private static int clampAxis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    return (int) Math.max(0, Math.min(rank, a));
  }

  /** Gather: folded on constants, else a {@link Gather} graph node with constant indices. */
  private static void gather(OnnxNode n, ImportContext ctx) {
    HostTensor indices = ctx.constant(n, 1, "indices");
    int axis = n.attrInt32("axis", 0);
    if (ctx.isStatic(n, 0)) {
      List<HostTensor> data = ctx.staticPerProbe(n, 0, "data");
      ctx.foldEach(n, p -> StaticOps.gather(data.get(p), indices, axis));
      return;
    }
    ctx.emit(n, new Gather(axis, boxed(indices.ints()), boxed(indices.shape().toArray())), 0);
  }

  /** ConstantOfShape: folded; the {@code value} attribute defaults to a float 0. */
  private static void constantOfShape(OnnxNode n, ImportContext ctx) {
    HostTensor value = n.has("value")
        ? ctx.readTensor(n.attribute("value").getT())
        : new HostTensor(Shape.of(1), new double[] {0}, false);
    List<HostTensor> shape = ctx.staticPerProbe(n, 0, "shape; ConstantOfShape is supported on constants only");
    ctx.foldEach(n, p -> StaticOps.constantOfShape(shape.get(p), value));
  }

  /** ScatterND on constants (PyTorch's in-place index assignment, e.g. Swin's mask), folded. */
  private static void scatterNd(OnnxNode n, ImportContext ctx) {
    String reduction = n.attrString("reduction", "none");
    if (!reduction.equals("none")) {
      throw n.unsupported("reduction '" + reduction + "' is not supported (only 'none')");
    }
    String why = "; ScatterND is supported on constants only";
    List<HostTensor> data = ctx.staticPerProbe(n, 0, "data" + why);
    List<HostTensor> indices = ctx.staticPerProbe(n, 1, "indices" + why);
    List<HostTensor> updates = ctx.staticPerProbe(n, 2, "updates" + why);
    ctx.foldEach(n, p -> StaticOps.scatterNd(data.get(p), indices.get(p), updates.get(p)));
  }

  /** Concat; folded (keeping integer shape values) when every part is a constant. */
  private static void concat(OnnxNode n, ImportContext ctx) {
    ctx.emit(n, new Concat(n.attrInt32("axis", 0)), IntStream.range(0, n.inputCount()).toArray());
  }

  /**
   * Reshape with a constant or folded target. Where the folded target differs between the probes
   * of the dynamic dimensions, the entry becomes {@code 0} (copy) if it equals the input's extent
   * on that axis for every probe, else {@code -1} (infer); more than one inferred entry cannot be
   * expressed and is refused.
   */
  private static void reshape(OnnxNode n, ImportContext ctx) {
    boolean allowZero = n.attrInt("allowzero", 0) != 0;
    List<HostTensor> targets = ctx.staticPerProbe(n, 1, "shape");
    long[] first = targets.get(0).longs();
    int[] target = new int[first.length];
    int inferred = 0;
    for (int i = 0; i < first.length; i++) {
      boolean same = true;
      boolean copies = !allowZero;
      for (int p = 0; p < targets.size(); p++) {
        long v = targets.get(p).longs()[i];
        same &= v == first[i];
        Shape in = ctx.shape(n, 0, p);
        copies &= i < in.rank() && v == in.dim(i);
      }
      target[i] = same ? Math.toIntExact(first[i]) : copies ? 0 : -1;
      inferred += target[i] == -1 ? 1 : 0;
    }
    if (inferred > 1) {
      throw n.unsupported("the target shape depends on the dynamic input dimensions in more than one "
          + "entry and cannot be written with 0/-1; targets computed for two probe batches: " + targets);
    }
    ctx.emit(n, new Reshape(Arrays.stream(target).boxed().toList(), allowZero), 0);
  }

  /**
   * Expand with a constant or folded shape. An entry that follows the dynamic dimensions and
   * equals the input's extent on the aligned axis for every probe becomes 1 (keep the input's
   * extent). An entry that equals a dynamic extent of a graph input for every probe (a batch size
   * read with {@code Shape}) is read from that input at run time ({@link DynamicExpand}); any other
   * probe-dependent entry is refused.
   */
  private static void expand(OnnxNode n, ImportContext ctx) {
    List<HostTensor> targets = ctx.staticPerProbe(n, 1, "shape");
    long[] first = targets.get(0).longs();
    int[] shape = new int[first.length];
    List<Integer> fromReference = new ArrayList<>();
    String reference = null;
    for (int i = 0; i < first.length; i++) {
      boolean same = true;
      boolean keeps = true;
      long[] perProbe = new long[targets.size()];
      for (int p = 0; p < targets.size(); p++) {
        long v = targets.get(p).longs()[i];
        perProbe[p] = v;
        Shape in = ctx.shape(n, 0, p);
        int axis = i - (first.length - in.rank());
        same &= v == first[i];
        keeps &= axis >= 0 && in.dim(axis) == v;
      }
      fromReference.add(DynamicExpand.FIXED);
      if (same || keeps) {
        shape[i] = same ? Math.toIntExact(first[i]) : 1;
        continue;
      }
      ImportContext.InputAxis source = ctx.inputAxisWithExtents(perProbe);
      if (source == null || (reference != null && !reference.equals(source.input()))) {
        throw n.unsupported("entry " + i + " of the target shape depends on the dynamic input dimensions "
            + "but is neither the input's extent nor a graph input's; targets " + targets);
      }
      reference = source.input();
      fromReference.set(i, source.axis());
      shape[i] = 1;
    }
    if (reference == null) {
      ctx.emit(n, new Expand(boxed(shape)), 0);
    } else {
      ctx.emitAs(n, n.output(), new DynamicExpand(boxed(shape), fromReference), List.of(ctx.dynamic(n, 0), reference));
    }
  }

  private static void pad(OnnxNode n, ImportContext ctx) {
    Pad.Mode mode;
    try {
      mode = Pad.Mode.fromOnnx(n.attrString("mode", "constant"));
    } catch (IllegalArgumentException e) {
      throw n.unsupported(e.getMessage());
    }
    int[] pads;
    float value;
    if (n.opset() < PAD_INPUTS_OPSET) {
      pads = n.attrIntArray("pads", n.attrIntArray("paddings", null));
      value = n.attrFloat("value", 0f);
    } else {
      if (n.hasInput(3)) {
        throw n.unsupported("the axes input is not supported");
      }
      pads = ctx.constant(n, 1, "pads").ints();
      value = n.hasInput(2) ? ctx.floatConstant(n, 2, "constant_value").item() : 0f;
    }
    if (pads == null) {
      throw n.error("has no pads");
    }
    ctx.emit(n, new Pad(mode, Arrays.stream(pads).boxed().toList(), value), 0);
  }

  private static void cast(OnnxNode n, ImportContext ctx) {
    int to = n.attrInt32("to", DataType.FLOAT_VALUE);
    boolean toFloat = to == DataType.FLOAT_VALUE || to == DataType.DOUBLE_VALUE
        || to == DataType.FLOAT16_VALUE;
    boolean toBool = to == DataType.BOOL_VALUE;
    if (!ctx.isStatic(n, 0)) {
      if (!toFloat) {
        throw n.unsupported("casts a computed tensor to " + DataType.forNumber(to)
            + "; xai4j computes in float32 only");
      }
      ctx.alias(n.output(), ctx.get(n, 0));
      return;
    }
    List<HostTensor> in = ctx.staticPerProbe(n, 0, "data");
    ctx.foldEach(n, p -> {
      double[] v = in.get(p).values().clone();
      for (int i = 0; i < v.length; i++) {
        v[i] = toFloat ? (float) v[i] : toBool ? (v[i] != 0 ? 1 : 0) : (double) (long) v[i];
      }
      return new HostTensor(in.get(p).shape(), v, !toFloat);
    });
  }

  /** Slice with constant parameters; before opset 10 they are attributes, from then on inputs. */
  private static void slice(OnnxNode n, ImportContext ctx) {
    int[] starts;
    int[] ends;
    int[] axes;
    int[] steps = null;
    if (n.opset() < SLICE_INPUTS_OPSET) {
      starts = clamped(n.attrInts("starts"));
      ends = clamped(n.attrInts("ends"));
      axes = clamped(n.attrInts("axes"));
    } else {
      starts = clamped(ctx.constant(n, 1, "starts").longs());
      ends = clamped(ctx.constant(n, 2, "ends").longs());
      axes = n.hasInput(3) ? clamped(ctx.constant(n, 3, "axes").longs()) : null;
      steps = n.hasInput(4) ? clamped(ctx.constant(n, 4, "steps").longs()) : null;
    }
    if (starts == null || ends == null) {
      throw n.error("needs starts and ends");
    }
    ctx.emit(n, new Slice(boxed(starts), boxed(ends), axes == null ? List.of() : boxed(axes),
        steps == null ? List.of() : boxed(steps)), 0);
  }

  /**
   * Split into graph nodes, one {@link Slice} per output, named like the outputs. Sizes come from
   * the {@code split} attribute (before opset 13) or input, else the axis is split evenly.
   */
  private static void split(OnnxNode n, ImportContext ctx) {
    int axis = n.attrInt32("axis", 0);
    int outputs = n.outputCount();
    int[] sizes;
    if (n.opset() < AXES_AS_INPUT_OPSET) {
      sizes = n.attrIntArray("split", null);
    } else {
      sizes = n.hasInput(1) ? ctx.constant(n, 1, "split").ints() : null;
    }
    int extent = ctx.shape(n, 0, 0).dim(axis);
    if (extent != ctx.shape(n, 0, 1).dim(axis)) {
      throw n.unsupported("splits the dynamic axis " + axis);
    }
    if (sizes == null) {
      int chunk = (extent + outputs - 1) / outputs;
      sizes = new int[outputs];
      for (int i = 0; i < outputs; i++) {
        sizes[i] = Math.max(0, Math.min(chunk, extent - i * chunk));
      }
    }
    if (sizes.length != outputs || Arrays.stream(sizes).sum() != extent) {
      throw n.error("split sizes " + Arrays.toString(sizes) + " do not cover axis " + axis
          + " of extent " + extent + " with " + outputs + " outputs");
    }
    String x = ctx.dynamic(n, 0);
    int offset = 0;
    for (int i = 0; i < outputs; i++) {
      ctx.emitAs(n, n.output(i), new Slice(List.of(offset), List.of(offset + sizes[i]), List.of(axis), List.of()),
          List.of(x));
      offset += sizes[i];
    }
  }

  private static int[] clamped(long[] v) {
    if (v == null) {
      return null;
    }
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v[i]));
    }
    return r;
  }

  private static List<Integer> boxed(int[] v) {
    return Arrays.stream(v).boxed().toList();
  }

}
