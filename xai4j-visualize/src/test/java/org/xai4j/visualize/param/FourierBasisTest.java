package org.xai4j.visualize.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class FourierBasisTest {
  /**
   * NumPy's {@code irfft2} written out from the definition in double precision: the complex inverse
   * DFT along the rows axis, then each row's real inverse of a Hermitian spectrum.
   */
  private static double[] irfft2ByDefinition(float[] spec, int off, int h, int w) {
    int half = w / 2 + 1;
    double[][] zr = new double[h][half];
    double[][] zi = new double[h][half];
    for (int y = 0; y < h; y++) {
      for (int k = 0; k < half; k++) {
        for (int ky = 0; ky < h; ky++) {
          double a = 2 * Math.PI * ky * y / h;
          double re = spec[off + 2 * (ky * half + k)];
          double im = spec[off + 2 * (ky * half + k) + 1];
          zr[y][k] += re * Math.cos(a) - im * Math.sin(a);
          zi[y][k] += re * Math.sin(a) + im * Math.cos(a);
        }
      }
    }
    double[] x = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int n = 0; n < w; n++) {
        double s = zr[y][0];
        for (int k = 1; k < half; k++) {
          double a = 2 * Math.PI * k * n / w;
          double term = zr[y][k] * Math.cos(a) - zi[y][k] * Math.sin(a);
          s += (w % 2 == 0 && k == w / 2) ? zr[y][k] * Math.cos(Math.PI * n) : 2 * term;
        }
        x[y * w + n] = s;
      }
    }
    return x;
  }

  @Test
  void inverseTransformMatchesTheDftDefinition() {
    for (int[] hw : new int[][] {{6, 8}, {5, 7}, {4, 9}, {7, 6}, {1, 1}, {16, 16}}) {
      int h = hw[0];
      int w = hw[1];
      RealInverseFft2 fft = new RealInverseFft2(h, w);
      int n = h * fft.halfWidth() * 2;
      float[] spec = Tensor.randomNormal(Shape.of(n), 1f, new Random(h * 31 + w)).toArray();
      float[] ones = new float[h * fft.halfWidth()];
      java.util.Arrays.fill(ones, 1f);
      float[] out = new float[h * w];
      fft.inverse(spec, 0, ones, 1, out, 0);
      double[] ref = irfft2ByDefinition(spec, 0, h, w);
      for (int i = 0; i < out.length; i++) {
        assertEquals(ref[i], out[i], 1e-5 * Math.max(1, Math.abs(ref[i])), h + "x" + w + " at " + i);
      }
    }
  }

  @Test
  void adjointIsTheTransposeOfTheInverse() {
    for (int[] hw : new int[][] {{6, 8}, {5, 7}, {9, 4}}) {
      int h = hw[0];
      int w = hw[1];
      RealInverseFft2 fft = new RealInverseFft2(h, w);
      int n = h * fft.halfWidth() * 2;
      Random r = new Random(7);
      float[] spec = Tensor.randomNormal(Shape.of(n), 1f, r).toArray();
      float[] scale = Tensor.randomUniform(Shape.of(n / 2), 0.5f, 2f, r).toArray();
      float[] g = Tensor.randomNormal(Shape.of(h * w), 1f, r).toArray();
      float[] out = new float[h * w];
      fft.inverse(spec, 0, scale, 0.3, out, 0);
      float[] back = new float[n];
      fft.adjoint(g, 0, scale, 0.3, back, 0);
      double lhs = 0;
      double rhs = 0;
      for (int i = 0; i < out.length; i++) {
        lhs += (double) out[i] * g[i];
      }
      for (int i = 0; i < n; i++) {
        rhs += (double) spec[i] * back[i];
      }
      assertEquals(lhs, rhs, 1e-5 * Math.abs(lhs) + 1e-5, h + "x" + w);
      // Imaginary parts that never enter the image get no gradient: those of the spectrum entries whose
      // row transform is real at every y (ky = 0 and, for even H, ky = H/2) in the real-only columns.
      int half = fft.halfWidth();
      for (int k : w % 2 == 0 ? new int[] {0, w / 2} : new int[] {0}) {
        assertEquals(0f, back[2 * k + 1], 1e-6);
        if (h % 2 == 0) {
          assertEquals(0f, back[2 * ((h / 2) * half + k) + 1], 1e-6);
        }
      }
    }
  }

  @Test
  void scaleMatchesLucidsFormula() {
    FourierBasis b = FourierBasis.of(Shape.of(1, 3, 6, 8));
    float[] s = b.scale();
    int half = 5;
    double root = Math.sqrt(48);
    // f = 0 is floored at 1 / max(W, H) = 1 / 8.
    assertEquals(root * 8, s[0], 1e-4);
    // ky = 1: fy = 1/6; kx = 0.
    assertEquals(root * 6, s[half], 1e-4);
    // ky = 4 -> fftfreq = (4 - 6) / 6 = -1/3; kx = 4 (Nyquist) -> fx = 1/2.
    assertEquals(root / Math.sqrt(1.0 / 9 + 0.25), s[4 * half + 4], 1e-4);
    FourierBasis steep = new FourierBasis(Shape.of(1, 1, 6, 8), 0.01, 2);
    assertEquals(Math.sqrt(48) * 36, steep.scale()[half], 1e-3);
    assertEquals(Shape.of(1, 3, 6, 5, 2), b.parameterShape());
    assertEquals(Shape.of(2, 3, 5, 4, 2), FourierBasis.of(Shape.of(2, 3, 5, 7)).parameterShape());
  }

  @Test
  void imageIsTheOrthonormalInverseOfTheScaledSpectrumOverFour() {
    Shape shape = Shape.of(2, 3, 6, 7);
    FourierBasis b = FourierBasis.of(shape);
    Tensor spec = b.initial(new SplittableRandom(3));
    Tensor image = b.toImage(spec).output();
    float[] scale = b.scale();
    float[] d = spec.toArray();
    float[] scaled = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      scaled[i] = d[i] * scale[(i / 2) % scale.length];
    }
    int per = 6 * 4 * 2;
    for (int p = 0; p < 6; p++) {
      double[] ref = irfft2ByDefinition(scaled, p * per, 6, 7);
      for (int i = 0; i < 42; i++) {
        assertEquals(ref[i] / 42 / 4, image.getFlat(p * 42 + i), 1e-6, "plane " + p + " pixel " + i);
      }
    }
    // Lucid's start: spectrum ~ N(0, 0.01^2).
    assertEquals(0.01, Math.sqrt(spec.mul(spec).mean()), 0.0015);
  }
}
