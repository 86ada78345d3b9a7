package org.xai4j.visualize.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.render.AscentConfig;
import org.xai4j.visualize.render.AscentEvaluation;
import org.xai4j.visualize.render.AscentResult;
import org.xai4j.visualize.render.GradientAscent;
import org.xai4j.visualize.transform.Transformed;

class ImageParamTest {
  private static final List<ImageParam> ALL = List.of(
      ImageParam.pixel(2, 3, 6, 7, false), ImageParam.pixel(2, 3, 6, 7, true),
      ImageParam.fourier(2, 3, 6, 7, false), ImageParam.lucid(2, 3, 6, 8), ImageParam.fourier(1, 1, 5, 5, false));

  @Test
  void renderBackwardPassesAFiniteDifferenceCheck() {
    for (ImageParam p : ALL) {
      Tensor x = p.initial(new SplittableRandom(2)).mul(30f);
      Transformed out = p.render(x);
      Tensor g = Tensor.randomNormal(out.output().shape(), 1f, new Random(4));
      Tensor back = out.backward(g);
      double h = 1e-2;
      for (int i = 0; i < x.size(); i++) {
        float[] up = x.toArray();
        float[] down = x.toArray();
        up[i] += (float) h;
        down[i] -= (float) h;
        double fu = p.render(Tensor.of(x.shape(), up)).output().mul(g).sum();
        double fd = p.render(Tensor.of(x.shape(), down)).output().mul(g).sum();
        assertEquals((fu - fd) / (2 * h), back.getFlat(i), 2e-4, p.description() + " at " + i);
      }
    }
  }

  @Test
  void imagesAreInTheUnitIntervalAndDecorrelationUsesLucidsMatrix() {
    for (ImageParam p : ALL) {
      Tensor img = p.render(p.initial(new SplittableRandom(1)).mul(1000f)).output();
      assertTrue(img.min() >= 0 && img.max() <= 1, p.description());
    }
    float[] m = ColorDecorrelation.matrix();
    double maxNorm = Math.sqrt(0.26 * 0.26 + 0.27 * 0.27 + 0.27 * 0.27);
    assertEquals(0.26 / maxNorm, m[0], 1e-6);
    assertEquals(-0.05 / maxNorm, m[5], 1e-6);
    assertEquals(1.0, Math.sqrt(m[0] * m[0] + m[3] * m[3] + m[6] * m[6]), 1e-6, "the largest column has norm 1");
    assertThrows(IllegalArgumentException.class, () -> ImageParam.pixel(1, 1, 4, 4, true));
  }

  /** Lucid's test: every parameterization can be optimized to a fixed target image. */
  @Test
  void everyParameterizationFitsATargetImage() {
    Tensor target = Tensor.randomUniform(Shape.of(1, 3, 12, 12), 0.2f, 0.8f, new Random(9));
    for (boolean fft : new boolean[] {false, true}) {
      for (boolean decorrelate : new boolean[] {false, true}) {
        ImageParam p = fft ? ImageParam.fourier(1, 3, 12, 12, decorrelate) : ImageParam.pixel(1, 3, 12, 12, decorrelate);
        AscentResult r = GradientAscent.run(List.of(p.initial(new SplittableRandom(1))), (params, ctx) -> {
          Transformed img = p.render(params.get(0));
          Tensor diff = img.output().sub(target);
          double v = -diff.mul(diff).mean();
          return new AscentEvaluation(v, new double[] {v}, List.of(img.backward(diff.mul(-2f / diff.size()))));
        }, AscentConfig.defaults().withSteps(300));
        Tensor fitted = p.render(r.parameters().get(0)).output();
        double start = -r.values()[0];
        double end = fitted.sub(target).mul(fitted.sub(target)).mean();
        assertTrue(end < 1e-3 && end < start / 20, p.description() + ": mse " + start + " -> " + end);
      }
    }
  }

  @Test
  void sameSeedSameStart() {
    ImageParam p = ImageParam.lucid(1, 3, 8, 8);
    assertArrayEquals(p.initial(new SplittableRandom(5)).toArray(), p.initial(new SplittableRandom(5)).toArray());
    assertEquals("fft(decay 1.0), decorrelate, sigmoid", p.description());
  }
}
