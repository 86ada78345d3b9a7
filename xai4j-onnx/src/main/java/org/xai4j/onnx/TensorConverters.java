package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xai4j.op.Squeeze;
import org.xai4j.op.Unsqueeze;
import org.xai4j.tensor.Shape;

/**
 * Converters of constants and shape-manipulating ops. The shape computations PyTorch emits
 * ({@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Concat}, {@code Cast}, {@code Slice})
 * are folded at import time, per probe of the dynamic dimensions.
 */
final class TensorConverters {
  /** Opset from which Squeeze and Unsqueeze take their axes as an input instead of an attribute. */
  static final int AXES_AS_INPUT_OPSET = 13;
  /** Opset from which Slice takes starts, ends, axes and steps as inputs. */
  static final int SLICE_INPUTS_OPSET = 10;

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
        .add("Slice", TensorConverters::slice);
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
      v = OnnxTensors.read(n.attribute("value").getT(), ctx.baseDir(), ctx.source());
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

  private static void gather(OnnxNode n, ImportContext ctx) {
    List<HostTensor> data = ctx.staticPerProbe(n, 0, "data; Gather is supported on shape computations only");
    HostTensor indices = ctx.constant(n, 1, "indices");
    int axis = (int) n.attrInt("axis", 0);
    ctx.foldEach(n, p -> StaticOps.gather(data.get(p), indices, axis));
  }

  private static void concat(OnnxNode n, ImportContext ctx) {
    int axis = (int) n.attrInt("axis", 0);
    List<List<HostTensor>> parts = new ArrayList<>();
    for (int i = 0; i < n.inputCount(); i++) {
      parts.add(ctx.staticPerProbe(n, i, "part; Concat of computed tensors is not supported yet"));
    }
    ctx.foldEach(n, p -> StaticOps.concat(parts.stream().map(l -> l.get(p)).toList(), axis));
  }

  private static void cast(OnnxNode n, ImportContext ctx) {
    int to = (int) n.attrInt("to", DataType.FLOAT_VALUE);
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

  private static void slice(OnnxNode n, ImportContext ctx) {
    List<HostTensor> data = ctx.staticPerProbe(n, 0, "data; Slice is supported on shape computations only");
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (n.opset() < SLICE_INPUTS_OPSET) {
      starts = n.attrInts("starts");
      ends = n.attrInts("ends");
      axes = n.attrInts("axes");
    } else {
      starts = ctx.constant(n, 1, "starts").longs();
      ends = ctx.constant(n, 2, "ends").longs();
      axes = n.hasInput(3) ? ctx.constant(n, 3, "axes").longs() : null;
      steps = n.hasInput(4) ? ctx.constant(n, 4, "steps").longs() : null;
    }
    if (starts == null || ends == null || starts.length != ends.length) {
      throw n.error("needs starts and ends of equal length");
    }
    long[] st = steps;
    ctx.foldEach(n, p -> StaticOps.slice(data.get(p), starts, ends, axes, st));
  }
}
