package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.xai4j.op.OpAssertions.assertOpError;
import static org.xai4j.op.OpTestData.awayFrom;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

/**
 * The activations and normalizations of modern architectures (transformers, ConvNeXt,
 * MobileNetV3, AlexNet-era LRN): forward values against PyTorch 1.13 in float64
 * ({@code torch.nn.functional}, {@code math.erf}) and backward against finite differences.
 */
class TransformerOpsTest {
  private static final float[] POINTS = {-3.5f, -1f, -0.25f, 0f, 0.5f, 1.5f, 2f, 4f};

  private static float[] apply(Op op, float... x) {
    return op.forward(List.of(Tensor.vector(x))).toArray();
  }

  @Test
  void erfMatchesPythonsMathErf() {
    assertArrayEquals(new float[] {-0.9999992569016276f, -0.8427007929497149f, -0.2763263901682369f, 0f,
        0.5204998778130465f, 0.9661051464753108f, 0.9953222650189527f, 0.9999999845827421f},
        apply(new Erf(), POINTS), 0f);
    // the series / continued-fraction switch and the tails, in double precision
    assertEquals(0.9953222650189527, ErrorFunction.erf(ErrorFunction.SERIES_LIMIT), 1e-15);
    assertEquals(0.9953222650189527, ErrorFunction.erf(Math.nextDown(ErrorFunction.SERIES_LIMIT)), 1e-15);
    assertEquals(1 - 2.209049699858544e-05, ErrorFunction.erf(3.0), 1e-16);
    assertEquals(-1.0, ErrorFunction.erf(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, ErrorFunction.erf(40.0));
    assertEquals(1.1283791670955126e-10, ErrorFunction.erf(1e-10), 1e-25);
  }

  @Test
  void geluMatchesPyTorchInBothForms() {
    assertArrayEquals(new float[] {-0.0008142017766243903f, -0.15865525393145702f, -0.10032341857926907f, 0f,
        0.34573123063700656f, 1.399789198096713f, 1.9544997361036416f, 3.9998733150326675f},
        apply(new Gelu(), POINTS), 1e-7f);
    assertArrayEquals(new float[] {-0.0006161976553737403f, -0.1588080093917233f, -0.100324649298315f, 0f,
        0.34571400982514394f, 1.3995715769802328f, 1.954597694087775f, 3.9999297540518075f},
        apply(new Gelu(Gelu.Approximation.TANH), POINTS), 1e-7f);
    assertEquals(Gelu.Approximation.TANH, Gelu.Approximation.fromOnnx("tanh"));
    assertOpError("Gelu", () -> Gelu.Approximation.fromOnnx("fast"), "'fast'");
  }

  @Test
  void hardSigmoidAndHardSwishMatchPyTorch() {
    float[] x = {-4f, -3f, -1f, 0f, 1.5f, 3f, 5f};
    assertArrayEquals(new float[] {0f, 0f, 0.33333334f, 0.5f, 0.75f, 1f, 1f},
        apply(new HardSigmoid(1f / 6, 0.5f), x), 1e-7f);
    assertArrayEquals(new float[] {0f, 0f, -0.33333334f, 0f, 1.125f, 3f, 5f}, apply(new HardSwish(), x), 1e-7f);
    assertEquals(0.2f, new HardSigmoid().alpha());
    // PyTorch's derivative conventions at the knees: hardswish'(-3) = -0.5, hardswish'(3) = 1.5
    Tensor in = Tensor.vector(-3f, 3f);
    Op hs = new HardSwish();
    Gradients g = hs.backward(BackwardContext.all(List.of(in), hs.forward(List.of(in)), false),
        Tensor.vector(1f, 1f));
    assertArrayEquals(new float[] {-0.5f, 1.5f}, g.input(0).toArray());
  }

  static Stream<UnaryElementwiseOp> smoothOps() {
    return Stream.of(new Erf(), new Gelu(), new Gelu(Gelu.Approximation.TANH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smoothOps")
  void smoothGradientsMatchFiniteDifferences(UnaryElementwiseOp op) {
    GradientCheck.with(1e-3, 1e-3).check(op, Tensor.randomNormal(Shape.of(3, 4, 5), 1.5f, new Random(5)));
  }

  @Test
  void kinkedGradientsMatchFiniteDifferencesAwayFromTheKinks() {
    Random r = new Random(6);
    Shape s = Shape.of(3, 4, 5);
    GradientCheck.standard().check(new HardSwish(), awayFrom(s, r, -1.2f, 1.2f).map(v -> 2.5f * v));
    GradientCheck.standard().check(new HardSigmoid(), awayFrom(s, r, -1.25f, 1.25f).map(v -> 2f * v));
    GradientCheck.standard().check(new Not(), awayFrom(s, r, 0f));
  }

  @Test
  void layerNormalizationMatchesPyTorchOverTheLastTwoAxes() {
    Tensor x = OpTestData.arange(2, 2, 3).map(v -> v * v / 10);
    LayerNormalization ln = new LayerNormalization(Tensor.of(Shape.of(2, 3), 1f, 2f, -1f, 0.5f, 1f, 3f),
        Tensor.of(Shape.of(2, 3), 0f, 1f, 0f, 0f, -1f, 2f), 1, 1e-5f);
    assertArrayEquals(new float[] {-1.0304186747773252f, -0.836018729603234f, 0.5807814348744924f,
        -0.009367442497975708f, -0.23186971516599397f, 7.339442223846139f, -1.344085792867224f,
        -0.7959273998310992f, 0.3832074388174637f, 0.10009149521351665f, -0.14779241218205785f,
        6.718599060065786f}, ln.forward(List.of(x)).toArray(), 2e-6f);
    assertEquals(1, ln.firstAxis(x.shape()));
    assertOpError("LayerNormalization", () -> ln.forward(List.of(Tensor.zeros(Shape.of(2, 3, 2)))),
        "[3, 2]", "[2, 3]");
  }

  @Test
  void layerNormalizationGradientsForInputScaleAndBias() {
    Random r = new Random(8);
    Tensor scale = Tensor.randomUniform(Shape.of(6), 0.5f, 1.5f, r);
    Tensor bias = Tensor.randomNormal(Shape.of(6), 0.3f, r);
    GradientCheck.standard().check(new LayerNormalization(scale, bias, -1, 1e-5f),
        Tensor.randomNormal(Shape.of(2, 3, 6), 2f, r));
    GradientCheck.standard().check(new LayerNormalization(Tensor.randomUniform(Shape.of(3, 6), 0.5f, 1.5f, r),
        null, -2, 1e-5f), Tensor.randomNormal(Shape.of(2, 3, 6), 2f, r));
  }

  @Test
  void lrnMatchesPyTorchsLocalResponseNorm() {
    Tensor x = OpTestData.arange(1, 4, 2, 3).map(v -> v / 7 - 1);
    assertArrayEquals(new float[] {-0.5593002182109451f, -0.487444602645454f, -0.4111555753706366f,
        -0.33135594332644797f, -0.2491318450560248f, -0.16567797166322398f, -0.07762959340414673f, 0f,
        0.07762959340414667f, 0.15369703823781616f, 0.22675984931260595f, 0.2955952873477751f,
        0.35926669419512436f, 0.41715052371131806f, 0.4689271159525337f, 0.5145442729393944f,
        0.5541650783399482f, 0.5881106350687058f, 0.7911942056362246f, 0.8343010474226361f,
        0.8716748762201889f, 0.9036361660562193f, 0.9305732788954816f, 0.9529134233179769f},
        new Lrn(3, 0.5f, 0.75f, 2f).forward(List.of(x)).toArray(), 1e-6f);
    assertOpError("LRN", () -> new Lrn(0, 1f, 1f, 1f), "size");
  }

  @Test
  void lrnGradientsForOddAndEvenWindows() {
    Random r = new Random(9);
    for (int size : new int[] {1, 2, 3, 4, 5}) {
      GradientCheck.standard().check(new Lrn(size, 0.8f, 0.75f, 1f), Tensor.randomNormal(Shape.of(2, 5, 2, 2), 1.5f, r));
    }
    GradientCheck.standard().check(new Lrn(5, 1e-4f, 0.75f, 2f), Tensor.randomNormal(Shape.of(1, 7, 3), 3f, r));
  }

  @Test
  void whereSelectsAndRoutesTheGradientByTheMask() {
    Tensor c = Tensor.of(Shape.of(2, 1), 1f, 0f);
    Tensor x = Tensor.of(Shape.of(1, 3), 1f, 2f, 3f);
    Tensor y = Tensor.vector(-1f);
    Where w = new Where();
    Tensor out = w.forward(List.of(c, x, y));
    assertArrayEquals(new float[] {1f, 2f, 3f, -1f, -1f, -1f}, out.toArray());
    Gradients g = w.backward(BackwardContext.all(List.of(c, x, y), out, false),
        Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f));
    assertNull(g.input(0));
    assertArrayEquals(new float[] {1f, 2f, 3f}, g.input(1).toArray());
    assertArrayEquals(new float[] {15f}, g.input(2).toArray());
    assertOpError("Where", () -> w.forward(List.of(c, Tensor.zeros(Shape.of(3, 3)), y)), "[2, 1]", "[3, 3]");
  }

  @Test
  void whereGradientsMatchFiniteDifferences() {
    Random r = new Random(10);
    Tensor mask = Tensor.randomUniform(Shape.of(2, 1, 4), 0f, 1f, r).map(v -> v > 0.5f ? 1f : 0f);
    // finite differences of the mask are 0, as the reverse pass says by returning no signal for it
    Where w = new Where();
    Tensor x = Tensor.randomNormal(Shape.of(3, 4), 1f, r);
    Tensor y = Tensor.randomNormal(Shape.of(2, 3, 4), 1f, r);
    Gradients g = w.backward(BackwardContext.all(List.of(mask, x, y), w.forward(List.of(mask, x, y)), false),
        Tensor.randomNormal(Shape.of(2, 3, 4), 1f, r));
    assertNull(g.input(0));
    GradientCheck.standard().checkInputs(w, List.of(1, 2), mask, x, y);
  }

  @Test
  void equalNotAndModOnIntegerValues() {
    List<Tensor> in = List.of(Tensor.vector(-7f, 7f, -7f, 7f, 5f), Tensor.vector(3f, 3f, -3f, -3f, 5f));
    assertArrayEquals(new float[] {2f, 1f, -1f, -2f, 0f}, new Mod(false).forward(in).toArray());
    assertArrayEquals(new float[] {-1f, 1f, -1f, 1f, 0f}, new Mod(true).forward(in).toArray());
    assertArrayEquals(new float[] {Float.NaN}, new Mod(false).forward(List.of(Tensor.vector(1f), Tensor.vector(0f)))
        .toArray());
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 1f}, new Equal().forward(in).toArray());
    assertArrayEquals(new float[] {1f, 0f, 0f}, new Not().forward(List.of(Tensor.vector(0f, 1f, -2f))).toArray());
  }

  @Test
  void modGradientsMatchFiniteDifferencesAwayFromTheJumps() {
    Random r = new Random(14);
    // a in (0.2, 0.8) + k, b = 1 or -1.5: a / b stays away from integers
    Tensor a = Tensor.randomUniform(Shape.of(2, 3), 0.2f, 0.8f, r).map(v -> v + 3f);
    Tensor b = Tensor.of(Shape.of(3), 1f, -1.5f, 1f);
    for (boolean fmod : new boolean[] {false, true}) {
      GradientCheck.standard().check(new Mod(fmod), a, b);
      GradientCheck.standard().check(new Mod(fmod), a.map(v -> -v), b);
    }
    GradientCheck.standard().check(new Equal(), a, b);
  }

  @Test
  void gatherPicksAlongAnAxisAndScattersTheGradientBack() {
    Tensor x = OpTestData.arange(2, 3, 2);
    Gather first = new Gather(1, List.of(0), List.of());
    assertEquals(Shape.of(2, 2), first.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {0f, 1f, 6f, 7f}, first.forward(List.of(x)).toArray());
    Gather pairs = new Gather(-2, List.of(2, -1, 0, 0), List.of(2, 2));
    Tensor y = pairs.forward(List.of(x));
    assertEquals(Shape.of(2, 2, 2, 2), y.shape());
    assertArrayEquals(new float[] {4, 5, 4, 5, 0, 1, 0, 1, 10, 11, 10, 11, 6, 7, 6, 7}, y.toArray());
    Gradients g = pairs.backward(BackwardContext.all(List.of(x), y, false), Tensor.full(y.shape(), 1f));
    assertArrayEquals(new float[] {2, 2, 0, 0, 2, 2, 2, 2, 0, 0, 2, 2}, g.input(0).toArray());
    GradientCheck.standard().check(pairs, Tensor.randomNormal(x.shape(), 1f, new Random(3)));
    assertOpError("Gather", () -> new Gather(1, List.of(3), List.of()).forward(List.of(x)), "index 3", "[2, 3, 2]");
  }

  @Test
  void dynamicExpandReadsExtentsFromTheReference() {
    DynamicExpand e = new DynamicExpand(List.of(1, 1, 1), List.of(0, DynamicExpand.FIXED, DynamicExpand.FIXED));
    Tensor token = Tensor.of(Shape.of(1, 1, 3), 1f, 2f, 3f);
    Tensor reference = Tensor.zeros(Shape.of(4, 5));
    Tensor y = e.forward(List.of(token, reference));
    assertEquals(Shape.of(4, 1, 3), y.shape());
    assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}, y.toArray());
    Gradients g = e.backward(BackwardContext.all(List.of(token, reference), y, false), Tensor.full(y.shape(), 1f));
    assertArrayEquals(new float[] {4f, 4f, 4f}, g.input(0).toArray());
    assertNull(g.input(1));
    GradientCheck.standard().checkInputs(e, List.of(0), Tensor.randomNormal(Shape.of(1, 2, 3), 1f, new Random(4)),
        reference);
  }
}
