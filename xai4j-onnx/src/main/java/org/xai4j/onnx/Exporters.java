package org.xai4j.onnx;

import static org.xai4j.onnx.ExportContext.attr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xai4j.graph.Node;
import org.xai4j.op.AveragePool;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Clip;
import org.xai4j.op.Combination;
import org.xai4j.op.Concat;
import org.xai4j.op.Constant;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Dropout;
import org.xai4j.op.DynamicExpand;
import org.xai4j.op.Elu;
import org.xai4j.op.Expand;
import org.xai4j.op.Flatten;
import org.xai4j.op.Gather;
import org.xai4j.op.Gelu;
import org.xai4j.op.Gemm;
import org.xai4j.op.HardSigmoid;
import org.xai4j.op.InstanceNormalization;
import org.xai4j.op.LayerNormalization;
import org.xai4j.op.LeakyRelu;
import org.xai4j.op.LogSoftmax;
import org.xai4j.op.Lrn;
import org.xai4j.op.MaxPool;
import org.xai4j.op.Mod;
import org.xai4j.op.PRelu;
import org.xai4j.op.Pad;
import org.xai4j.op.Reduce;
import org.xai4j.op.Parameters;
import org.xai4j.op.Reduction;
import org.xai4j.op.Reshape;
import org.xai4j.op.Resize;
import org.xai4j.op.Selu;
import org.xai4j.op.Shrink;
import org.xai4j.op.Slice;
import org.xai4j.op.Softmax;
import org.xai4j.op.Squeeze;
import org.xai4j.op.Tile;
import org.xai4j.op.Transpose;
import org.xai4j.op.Unsqueeze;
import org.xai4j.tensor.Tensor;

/**
 * The immutable map from xai4j op type to its {@link OpExporter} for opset
 * {@value OnnxExporter#OPSET}. Parameters become initializers named {@code node/parameter}.
 */
final class Exporters {
  private static final List<String> PLAIN = List.of("Relu", "Sigmoid", "Tanh", "Softplus", "Sqrt",
      "Exp", "Log", "Neg", "Abs", "Sign", "Identity", "Add", "Sub", "Mul", "Div", "Pow", "MatMul",
      "GlobalAveragePool", "Erf", "Not", "Equal", "Where", "HardSwish");
  private static final double SQRT_2 = Math.sqrt(2.0);
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  private final Map<String, OpExporter> byType;

  private Exporters(Map<String, OpExporter> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** The exporter of an op type, or {@code null}. */
  OpExporter find(String type) {
    return byType.get(type);
  }

  static Exporters standard() {
    Map<String, OpExporter> m = new HashMap<>();
    for (String type : PLAIN) {
      m.put(type, (n, ctx) -> ctx.node(n, type, n.inputs()));
    }
    for (Combination c : Combination.values()) {
      m.put(c.onnxType(), (n, ctx) -> ctx.node(n, c.onnxType(), n.inputs()));
    }
    for (Reduction r : Reduction.values()) {
      m.put(r.onnxType(), Exporters::reduce);
    }
    m.put("Constant", (n, ctx) -> ctx.initializerNamed(n.name(), ((Constant) n.op()).value()));
    m.put("Gemm", Exporters::gemm);
    m.put("Conv", Exporters::conv);
    m.put("ConvTranspose", Exporters::convTranspose);
    m.put("BatchNormalization", Exporters::batchNorm);
    m.put("PRelu", (n, ctx) -> ctx.node(n, "PRelu", List.of(n.inputs().get(0),
        ctx.initializer(n, "slope", ((PRelu) n.op()).slope()))));
    m.put("MaxPool", Exporters::maxPool);
    m.put("InstanceNormalization", (n, ctx) -> {
      InstanceNormalization in = (InstanceNormalization) n.op();
      ctx.node(n, "InstanceNormalization", with(n.inputs().get(0), ctx.initializer(n, "scale", in.scale()),
          ctx.initializer(n, Parameters.BIAS, in.bias())), attr("epsilon", in.epsilon()));
    });
    m.put("AveragePool", Exporters::averagePool);
    m.put("LeakyRelu", (n, ctx) -> ctx.node(n, "LeakyRelu", n.inputs(), attr("alpha", ((LeakyRelu) n.op()).alpha())));
    m.put("Elu", (n, ctx) -> ctx.node(n, "Elu", n.inputs(), attr("alpha", ((Elu) n.op()).alpha())));
    m.put("Selu", (n, ctx) -> ctx.node(n, "Selu", n.inputs(), attr("alpha", ((Selu) n.op()).alpha()),
        attr("gamma", ((Selu) n.op()).gamma())));
    m.put("Softmax", (n, ctx) -> softmax(n, ctx, "Softmax", ((Softmax) n.op()).axis(), ((Softmax) n.op()).coerceTo2d()));
    m.put("LogSoftmax", (n, ctx) -> softmax(n, ctx, "LogSoftmax", ((LogSoftmax) n.op()).axis(),
        ((LogSoftmax) n.op()).coerceTo2d()));
    m.put("Clip", Exporters::clip);
    m.put("Dropout", (n, ctx) -> ctx.node(n, "Dropout", List.of(n.inputs().get(0),
        ctx.initializer(n, "ratio", Tensor.scalar(((Dropout) n.op()).ratio())))));
    m.put("Flatten", (n, ctx) -> ctx.node(n, "Flatten", n.inputs(), attr("axis", ((Flatten) n.op()).axis())));
    m.put("Concat", (n, ctx) -> ctx.node(n, "Concat", n.inputs(), attr("axis", ((Concat) n.op()).axis())));
    m.put("Transpose", (n, ctx) -> ctx.node(n, "Transpose", n.inputs(), attr("perm", ((Transpose) n.op()).perm())));
    m.put("Reshape", Exporters::reshape);
    m.put("Squeeze", (n, ctx) -> axesInput(n, ctx, "Squeeze", ((Squeeze) n.op()).axes()));
    m.put("Unsqueeze", (n, ctx) -> axesInput(n, ctx, "Unsqueeze", ((Unsqueeze) n.op()).axes()));
    m.put("Pad", Exporters::pad);
    m.put("Resize", Exporters::resize);
    m.put("Slice", Exporters::slice);
    m.put("Tile", (n, ctx) -> ctx.node(n, "Tile", with(n.inputs().get(0),
        ctx.ints(n, "repeats", ((Tile) n.op()).repeats()))));
    m.put("Shrink", (n, ctx) -> ctx.node(n, "Shrink", n.inputs(), attr("lambd", ((Shrink) n.op()).lambd()),
        attr("bias", ((Shrink) n.op()).bias())));
    m.put("Expand", Exporters::expand);
    m.put("HardSigmoid", (n, ctx) -> ctx.node(n, "HardSigmoid", n.inputs(),
        attr("alpha", ((HardSigmoid) n.op()).alpha()), attr("beta", ((HardSigmoid) n.op()).beta())));
    m.put("Mod", (n, ctx) -> ctx.node(n, "Mod", n.inputs(), attr("fmod", ((Mod) n.op()).fmod() ? 1 : 0)));
    m.put("LRN", (n, ctx) -> {
      Lrn l = (Lrn) n.op();
      ctx.node(n, "LRN", n.inputs(), attr("size", l.size()), attr("alpha", l.alpha()), attr("beta", l.beta()),
          attr("bias", l.bias()));
    });
    m.put("LayerNormalization", (n, ctx) -> {
      LayerNormalization l = (LayerNormalization) n.op();
      List<String> in = with(n.inputs().get(0), ctx.initializer(n, "scale", l.scale()));
      if (l.bias() != null) {
        in.add(ctx.initializer(n, Parameters.BIAS, l.bias()));
      }
      ctx.node(n, "LayerNormalization", in, attr("axis", l.axis()), attr("epsilon", l.epsilon()));
    });
    m.put("Gather", (n, ctx) -> {
      Gather g = (Gather) n.op();
      ctx.node(n, "Gather", with(n.inputs().get(0), ctx.ints(n, "indices", g.indices(), g.indicesShape())),
          attr("axis", g.axis()));
    });
    m.put("Gelu", Exporters::gelu);
    return new Exporters(m);
  }

  /**
   * Expand to a fixed shape, or for {@link DynamicExpand} to
   * {@code fixed + Gather(Shape(reference), axes) * copied}, the target computed at run time.
   */
  private static void expand(Node n, ExportContext ctx) {
    if (n.op() instanceof Expand e) {
      ctx.node(n, "Expand", with(n.inputs().get(0), ctx.ints(n, "shape", e.shape())));
      return;
    }
    DynamicExpand e = (DynamicExpand) n.op();
    List<Integer> fixed = new ArrayList<>();
    List<Integer> axes = new ArrayList<>();
    List<Integer> copied = new ArrayList<>();
    for (int i = 0; i < e.shape().size(); i++) {
      boolean copies = e.referenceAxes().get(i) != DynamicExpand.FIXED;
      fixed.add(copies ? 0 : e.shape().get(i));
      axes.add(copies ? e.referenceAxes().get(i) : 0);
      copied.add(copies ? 1 : 0);
    }
    String shape = ctx.fresh(n, "reference_shape");
    ctx.node(shape, "Shape", List.of(n.inputs().get(1)), shape);
    String extents = ctx.fresh(n, "reference_extents");
    ctx.node(extents, "Gather", List.of(shape, ctx.ints(n, "axes", axes)), extents);
    String kept = ctx.fresh(n, "copied_extents");
    ctx.node(kept, "Mul", List.of(extents, ctx.ints(n, "copied", copied)), kept);
    String target = ctx.fresh(n, "target");
    ctx.node(target, "Add", List.of(kept, ctx.ints(n, "fixed", fixed)), target);
    ctx.node(n, "Expand", List.of(n.inputs().get(0), target));
  }

  /**
   * Gelu, an opset 20 op, as its definition in opset {@value OnnxExporter#OPSET} ops:
   * {@code x (1 + Erf(x / sqrt 2)) / 2}, or the tanh form.
   */
  private static void gelu(Node n, ExportContext ctx) {
    String x = n.inputs().get(0);
    String phi2;
    if (((Gelu) n.op()).approximation() == Gelu.Approximation.TANH) {
      String cube = helper(n, ctx, "cube", "Mul", helper(n, ctx, "square", "Mul", x, x), x);
      String inner = helper(n, ctx, "inner", "Add", x,
          helper(n, ctx, "cubic", "Mul", cube, scalar(n, ctx, "cubic_coefficient", Gelu.TANH_CUBIC)));
      String t = helper(n, ctx, "tanh", "Tanh",
          helper(n, ctx, "scaled", "Mul", inner, scalar(n, ctx, "sqrt_2_over_pi", SQRT_2_OVER_PI)));
      phi2 = helper(n, ctx, "one_plus_tanh", "Add", t, scalar(n, ctx, "one", 1));
    } else {
      String erf = helper(n, ctx, "erf", "Erf", helper(n, ctx, "scaled", "Div", x, scalar(n, ctx, "sqrt_2", SQRT_2)));
      phi2 = helper(n, ctx, "one_plus_erf", "Add", erf, scalar(n, ctx, "one", 1));
    }
    ctx.node(n, "Mul", List.of(helper(n, ctx, "x_times", "Mul", x, phi2), scalar(n, ctx, "half", 0.5)));
  }

  /** Adds a helper node {@code node/role} of the given type and returns its output. */
  private static String helper(Node n, ExportContext ctx, String role, String type, String... inputs) {
    String name = ctx.fresh(n, role);
    ctx.node(name, type, List.of(inputs), name);
    return name;
  }

  private static String scalar(Node n, ExportContext ctx, String role, double value) {
    return ctx.initializer(n, role, Tensor.scalar((float) value));
  }

  private static List<String> with(String first, String... more) {
    List<String> l = new ArrayList<>();
    l.add(first);
    l.addAll(List.of(more));
    return l;
  }

  /** The node's input 0, then its weight and, unless {@code bias} is null, its bias as initializers. */
  private static List<String> weightAndBias(Node n, ExportContext ctx, Tensor weight, Tensor bias) {
    List<String> in = with(n.inputs().get(0), ctx.initializer(n, Parameters.WEIGHT, weight));
    if (bias != null) {
      in.add(ctx.initializer(n, Parameters.BIAS, bias));
    }
    return in;
  }

  private static void gemm(Node n, ExportContext ctx) {
    Gemm g = (Gemm) n.op();
    List<String> in = weightAndBias(n, ctx, g.weight(), g.bias());
    ctx.node(n, "Gemm", in, attr("alpha", g.alpha()), attr("beta", g.beta()),
        attr("transA", g.transA() ? 1 : 0), attr("transB", g.transB() ? 1 : 0));
  }

  private static void conv(Node n, ExportContext ctx) {
    Conv c = (Conv) n.op();
    List<String> in = weightAndBias(n, ctx, c.weight(), c.bias());
    ctx.node(n, "Conv", in, attr("strides", c.strides()), attr("pads", c.pads()),
        attr("dilations", c.dilations()), attr("group", c.group()));
  }

  private static void convTranspose(Node n, ExportContext ctx) {
    ConvTranspose c = (ConvTranspose) n.op();
    List<String> in = weightAndBias(n, ctx, c.weight(), c.bias());
    ctx.node(n, "ConvTranspose", in, attr("strides", c.strides()), attr("pads", c.pads()),
        attr("output_padding", c.outputPadding()), attr("dilations", c.dilations()), attr("group", c.group()));
  }

  private static void batchNorm(Node n, ExportContext ctx) {
    BatchNormalization b = (BatchNormalization) n.op();
    ctx.node(n, "BatchNormalization", with(n.inputs().get(0), ctx.initializer(n, "scale", b.scale()),
        ctx.initializer(n, Parameters.BIAS, b.bias()), ctx.initializer(n, "mean", b.mean()),
        ctx.initializer(n, "var", b.var())), attr("epsilon", b.epsilon()));
  }

  private static void maxPool(Node n, ExportContext ctx) {
    MaxPool p = (MaxPool) n.op();
    ctx.node(n, "MaxPool", n.inputs(), attr("kernel_shape", p.kernelShape()), attr("strides", p.strides()),
        attr("pads", p.pads()), attr("dilations", p.dilations()), attr("ceil_mode", p.ceilMode() ? 1 : 0));
  }

  private static void averagePool(Node n, ExportContext ctx) {
    AveragePool p = (AveragePool) n.op();
    ctx.node(n, "AveragePool", n.inputs(), attr("kernel_shape", p.kernelShape()), attr("strides", p.strides()),
        attr("pads", p.pads()), attr("ceil_mode", p.ceilMode() ? 1 : 0),
        attr("count_include_pad", p.countIncludePad() ? 1 : 0));
  }

  /** Opset 13 Softmax works on one axis; the older 2-D coercion is Flatten, Softmax, Reshape back. */
  private static void softmax(Node n, ExportContext ctx, String type, int axis, boolean coerceTo2d) {
    if (!coerceTo2d) {
      ctx.node(n, type, n.inputs(), attr("axis", axis));
      return;
    }
    String x = n.inputs().get(0);
    String flat = ctx.fresh(n, "flat");
    String soft = ctx.fresh(n, "softmax2d");
    String shape = ctx.fresh(n, "shape");
    ctx.node(flat, "Flatten", List.of(x), flat, attr("axis", axis));
    ctx.node(soft, type, List.of(flat), soft, attr("axis", 1));
    ctx.node(shape, "Shape", List.of(x), shape);
    ctx.node(n, "Reshape", List.of(soft, shape));
  }

  private static void clip(Node n, ExportContext ctx) {
    Clip c = (Clip) n.op();
    List<String> in = with(n.inputs().get(0));
    in.add(Float.isInfinite(c.min()) ? "" : ctx.initializer(n, "min", Tensor.scalar(c.min())));
    if (!Float.isInfinite(c.max())) {
      in.add(ctx.initializer(n, "max", Tensor.scalar(c.max())));
    }
    ctx.node(n, "Clip", in);
  }

  private static void reshape(Node n, ExportContext ctx) {
    Reshape r = (Reshape) n.op();
    if (r.allowzero()) {
      throw new IllegalArgumentException("export: node '" + n.name() + "' (Reshape) uses allowzero, "
          + "which opset " + OnnxExporter.OPSET + " does not have");
    }
    ctx.node(n, "Reshape", with(n.inputs().get(0), ctx.ints(n, "shape", r.shape())));
  }

  private static void axesInput(Node n, ExportContext ctx, String type, List<Integer> axes) {
    List<String> in = with(n.inputs().get(0));
    if (!axes.isEmpty()) {
      in.add(ctx.ints(n, "axes", axes));
    }
    ctx.node(n, type, in);
  }

  /** Opset 13: ReduceSum takes axes as an input, the other reductions as an attribute. */
  private static void reduce(Node n, ExportContext ctx) {
    Reduce r = (Reduce) n.op();
    String type = r.reduction().onnxType();
    var keep = attr("keepdims", r.keepDims() ? 1 : 0);
    if (r.reduction() == Reduction.SUM) {
      List<String> in = with(n.inputs().get(0));
      if (!r.axes().isEmpty()) {
        in.add(ctx.ints(n, "axes", r.axes()));
      }
      ctx.node(n, type, in, keep);
    } else if (r.axes().isEmpty()) {
      ctx.node(n, type, n.inputs(), keep);
    } else {
      ctx.node(n, type, n.inputs(), keep, attr("axes", r.axes()));
    }
  }

  private static void slice(Node n, ExportContext ctx) {
    Slice s = (Slice) n.op();
    List<String> in = with(n.inputs().get(0), ctx.ints(n, "starts", s.starts()), ctx.ints(n, "ends", s.ends()));
    if (!s.axes().isEmpty() || !s.steps().isEmpty()) {
      in.add(s.axes().isEmpty() ? "" : ctx.ints(n, "axes", s.axes()));
    }
    if (!s.steps().isEmpty()) {
      in.add(ctx.ints(n, "steps", s.steps()));
    }
    ctx.node(n, "Slice", in);
  }

  private static void pad(Node n, ExportContext ctx) {
    Pad p = (Pad) n.op();
    ctx.node(n, "Pad", with(n.inputs().get(0), ctx.ints(n, "pads", p.pads()),
        ctx.initializer(n, "value", Tensor.scalar(p.value()))), attr("mode", p.mode().onnxName()));
  }

  private static void resize(Node n, ExportContext ctx) {
    Resize r = (Resize) n.op();
    if (r.outH() > 0 || r.outW() > 0) {
      throw new IllegalArgumentException("export: node '" + n.name() + "' (Resize) has fixed output "
          + "sizes; only scale-based resizing is exported");
    }
    String scales = ctx.initializer(n, "scales", Tensor.vector(1f, 1f, r.scaleH(), r.scaleW()));
    ctx.node(n, "Resize", List.of(n.inputs().get(0), "", scales),
        attr("mode", r.mode().name().toLowerCase(Locale.ROOT)),
        attr("coordinate_transformation_mode", r.transform().name().toLowerCase(Locale.ROOT)),
        attr("nearest_mode", r.rounding().name().toLowerCase(Locale.ROOT)));
  }
}
