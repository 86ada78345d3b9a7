package org.xai4j.onnx;

import java.util.function.IntFunction;
import org.xai4j.op.Add;
import org.xai4j.op.Clip;
import org.xai4j.op.Div;
import org.xai4j.op.Dropout;
import org.xai4j.op.Elu;
import org.xai4j.op.Gelu;
import org.xai4j.op.HardSigmoid;
import org.xai4j.op.HardSwish;
import org.xai4j.op.LeakyRelu;
import org.xai4j.op.LogSoftmax;
import org.xai4j.op.Mul;
import org.xai4j.op.Op;
import org.xai4j.op.Relu;
import org.xai4j.op.Selu;
import org.xai4j.op.Shrink;
import org.xai4j.op.Sigmoid;
import org.xai4j.op.Softmax;
import org.xai4j.op.Softplus;
import org.xai4j.op.Sub;
import org.xai4j.op.Tanh;

/** Converters of activations and broadcasting arithmetic, with their per-opset defaults. */
final class ActivationConverters {
  /** Opset from which Softmax and LogSoftmax work on one axis (default -1) instead of coercing to 2-D. */
  static final int SOFTMAX_13 = 13;
  /** Opset from which Clip takes min and max as inputs. */
  static final int CLIP_11 = 11;
  /** Opset from which Dropout takes its ratio as an input. */
  static final int DROPOUT_12 = 12;
  private static final float LEAKY_RELU_DEFAULT_ALPHA = 0.01f;
  private static final float DROPOUT_DEFAULT_RATIO = 0.5f;

  private ActivationConverters() {}

  static void register(ConverterRegistry.Builder b) {
    b.unary("Relu", Relu::new);
    b.unary("Sigmoid", Sigmoid::new);
    b.unary("Tanh", Tanh::new);
    b.unary("Softplus", Softplus::new);
    b.unary("HardSwish", HardSwish::new);
    b.add("LeakyRelu", (n, ctx) -> ctx.emit(n, new LeakyRelu(n.attrFloat("alpha", LEAKY_RELU_DEFAULT_ALPHA)), 0))
        .add("Elu", (n, ctx) -> ctx.emit(n, new Elu(n.attrFloat("alpha", Elu.DEFAULT_ALPHA)), 0))
        .add("Selu", (n, ctx) -> ctx.emit(n, new Selu(n.attrFloat("alpha", Selu.DEFAULT_ALPHA),
            n.attrFloat("gamma", Selu.DEFAULT_GAMMA)), 0))
        .add("Softmax", (n, ctx) -> ctx.emit(n, softmaxFamily(n, Softmax::coerced2d, Softmax::of), 0))
        .add("LogSoftmax",
            (n, ctx) -> ctx.emit(n, softmaxFamily(n, LogSoftmax::coerced2d, LogSoftmax::of), 0))
        .add("Shrink", (n, ctx) -> ctx.emit(n, new Shrink(n.attrFloat("lambd", Shrink.DEFAULT_LAMBD),
            n.attrFloat("bias", Shrink.DEFAULT_BIAS)), 0))
        .add("HardSigmoid", (n, ctx) -> ctx.emit(n, new HardSigmoid(n.attrFloat("alpha", HardSigmoid.DEFAULT_ALPHA),
            n.attrFloat("beta", HardSigmoid.DEFAULT_BETA)), 0))
        .add("Gelu", (n, ctx) -> {
          Gelu.Approximation a;
          try {
            a = Gelu.Approximation.fromOnnx(n.attrString("approximate", Gelu.Approximation.NONE.onnxName()));
          } catch (IllegalArgumentException e) {
            throw n.unsupported(e.getMessage());
          }
          ctx.emit(n, new Gelu(a), 0);
        })
        .add("Clip", ActivationConverters::clip)
        .add("Dropout", ActivationConverters::dropout);
    b.binary("Add", Add::new);
    b.binary("Sub", Sub::new);
    b.binary("Mul", Mul::new);
    b.add("Div", ActivationConverters::div);
  }

  /**
   * Softmax or LogSoftmax: before opset 13 the input is coerced to 2-D around {@code axis}
   * (default 1); from opset 13 on {@code axis} is a single axis (default -1).
   */
  private static Op softmaxFamily(OnnxNode n, IntFunction<Op> coerced2d, IntFunction<Op> oneAxis) {
    return n.opset() < SOFTMAX_13
        ? coerced2d.apply(n.attrInt32("axis", Softmax.LEGACY_DEFAULT_AXIS))
        : oneAxis.apply(n.attrInt32("axis", Softmax.DEFAULT_AXIS));
  }

  /** Div; on integer constants (shape arithmetic) it truncates toward zero as ONNX integer division. */
  private static void div(OnnxNode n, ImportContext ctx) {
    if (ctx.isStatic(n, 0) && ctx.isStatic(n, 1) && ctx.staticPerProbe(n, 0, "A").get(0).integral()) {
      var a = ctx.staticPerProbe(n, 0, "A");
      var b = ctx.staticPerProbe(n, 1, "B");
      ctx.foldEach(n, p -> {
        long[] x = a.get(p).longs();
        long[] y = b.get(p).longs();
        if (y.length != 1 && y.length != x.length) {
          throw new IllegalArgumentException("integer Div of " + a.get(p).shape() + " by " + b.get(p).shape());
        }
        double[] q = new double[x.length];
        for (int i = 0; i < q.length; i++) {
          q[i] = x[i] / y[y.length == 1 ? 0 : i];
        }
        return new HostTensor(a.get(p).shape(), q, true);
      });
      return;
    }
    ctx.emit(n, new Div(), 0, 1);
  }

  private static void clip(OnnxNode n, ImportContext ctx) {
    float min;
    float max;
    if (n.opset() < CLIP_11) {
      min = n.attrFloat("min", Float.NEGATIVE_INFINITY);
      max = n.attrFloat("max", Float.POSITIVE_INFINITY);
    } else {
      min = n.hasInput(1) ? ctx.floatConstant(n, 1, "min").item() : Float.NEGATIVE_INFINITY;
      max = n.hasInput(2) ? ctx.floatConstant(n, 2, "max").item() : Float.POSITIVE_INFINITY;
    }
    ctx.emit(n, new Clip(min, max), 0);
  }

  /**
   * Dropout at inference: the identity, kept as a node. Training mode is refused unless the ratio
   * is 0 (then it is the identity too; torchvision's Swin calls {@code F.dropout(attn, p=0.0)}
   * without {@code training=False}).
   */
  private static void dropout(OnnxNode n, ImportContext ctx) {
    float ratio = DROPOUT_DEFAULT_RATIO;
    if (n.opset() < DROPOUT_12) {
      ratio = n.attrFloat("ratio", DROPOUT_DEFAULT_RATIO);
    } else {
      if (n.hasInput(1)) {
        ratio = ctx.floatConstant(n, 1, "ratio").item();
      }
      if (n.hasInput(2) && ctx.constant(n, 2, "training_mode").values()[0] != 0 && ratio != 0f) {
        throw n.unsupported("training_mode = true with ratio " + ratio + " is not supported (inference only)");
      }
    }
    ctx.emit(n, new Dropout(ratio), 0);
  }
}
