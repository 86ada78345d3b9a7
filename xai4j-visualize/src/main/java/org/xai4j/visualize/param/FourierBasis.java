package org.xai4j.visualize.param;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.visualize.transform.Transformed;

/**
 * The image as a scaled half spectrum (Lucid's {@code fft_image}; Olah et al. 2017, "Preconditioning
 * and parameterization"): the parameter is a complex spectrum {@code S} of shape
 * {@code [N, C, H, W/2 + 1, 2]} (real and imaginary parts), started from {@code N(0, sd^2)}, and
 *
 * <pre>
 *   scale[ky, kx] = sqrt(W H) / max(f, 1 / max(W, H))^decay,   f = sqrt(fy^2 + fx^2)
 *   image = irfft2(scale * S) / 4
 * </pre>
 *
 * with {@code fy}, {@code fx} NumPy's {@code fftfreq} (cycles per pixel) and {@code irfft2} the
 * normalized real inverse transform (dividing by {@code W H}); so the image is the orthonormal
 * inverse of the 1/f-scaled spectrum, over 4. The 1/f scaling whitens natural images' spectra, so
 * that Adam's per-parameter steps change every spatial frequency about equally, instead of letting
 * the many high frequencies dominate as in the pixel basis.
 *
 * <p>The final {@code / 4} is Lucid's unexplained constant (Lucent copies it: "increasing this seems
 * to reduce saturation"). Because the map is linear and Adam is invariant to the gradient's scale,
 * dividing the image by 4 is the same as starting from a spectrum 4 times smaller and taking steps 4
 * times smaller: with Adam's learning rate 0.05 it makes the effective step 0.0125 in the unscaled
 * spectrum, which keeps the first steps inside the sigmoid's linear range. We keep it
 * ({@link #LUCID_OUTPUT_SCALE}) so that Lucid's and Lucent's learning rates carry over.
 *
 * <p>For odd widths Lucid keeps one more frequency column and crops a pixel, and Lucent keeps that
 * column but never reads it; we leave it out, which gives the same images.
 *
 * @param imageShape {@code [N, C, H, W]}
 * @param sd the standard deviation of the starting spectrum ({@link #DEFAULT_SD})
 * @param decay the power of the frequency in the scale ({@link #DEFAULT_DECAY})
 */
public record FourierBasis(Shape imageShape, double sd, double decay) implements SpatialBasis {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Lucid's and Lucent's initial standard deviation of the spectrum. */
  public static final double DEFAULT_SD = 0.01;
  /** Lucid's and Lucent's {@code decay_power}. */
  public static final double DEFAULT_DECAY = 1;
  /** Lucid's {@code / 4.0} after the inverse transform (see the class comment). */
  public static final double LUCID_OUTPUT_SCALE = 0.25;

  /** Validates the shape and the constants. */
  public FourierBasis {
    Images.requireImageShape(imageShape);
    if (!(sd >= 0) || !(decay >= 0)) {
      throw new IllegalArgumentException("the Fourier basis needs sd >= 0 and decay >= 0, got " + sd + ", " + decay);
    }
  }

  /** Lucid's defaults for an image shape. */
  public static FourierBasis of(Shape imageShape) {
    return new FourierBasis(imageShape, DEFAULT_SD, DEFAULT_DECAY);
  }

  private int height() {
    return imageShape.dim(2);
  }

  private int width() {
    return imageShape.dim(3);
  }

  @Override
  public Shape parameterShape() {
    return Shape.of(imageShape.dim(0), imageShape.dim(1), height(), width() / 2 + 1, 2);
  }

  /**
   * Lucid's scale, {@code [H, W/2 + 1]} row-major, including the {@code sqrt(W H)} factor:
   * {@code sqrt(W H) / max(sqrt(fy^2 + fx^2), 1 / max(W, H))^decay}.
   */
  public float[] scale() {
    int h = height();
    int w = width();
    int half = w / 2 + 1;
    float[] s = new float[h * half];
    double floor = 1.0 / Math.max(w, h);
    for (int ky = 0; ky < h; ky++) {
      double fy = frequency(ky, h);
      for (int kx = 0; kx < half; kx++) {
        double fx = frequency(kx, w);
        double f = Math.sqrt(fy * fy + fx * fx);
        s[ky * half + kx] = (float) (Math.sqrt((double) w * h) / Math.pow(Math.max(f, floor), decay));
      }
    }
    return s;
  }

  /** NumPy's {@code fftfreq(n)[k]}: {@code k / n} up to {@code (n - 1) / 2}, then {@code (k - n) / n}. */
  public static double frequency(int k, int n) {
    return (k <= (n - 1) / 2 ? k : k - n) / (double) n;
  }

  @Override
  public Tensor initial(RandomGenerator random) {
    return Images.gaussian(parameterShape(), sd, random);
  }

  @Override
  public Transformed toImage(Tensor parameter) {
    Images.requireShape(parameter, parameterShape(), "Fourier spectrum");
    int h = height();
    int w = width();
    RealInverseFft2 fft = new RealInverseFft2(h, w);
    float[] scale = scale();
    // irfft2 divides by W H; the scale holds sqrt(W H).
    double factor = LUCID_OUTPUT_SCALE / ((double) w * h);
    int planes = imageShape.dim(0) * imageShape.dim(1);
    int specPer = h * fft.halfWidth() * 2;
    float[] spec = INTERNALS.array(parameter);
    float[] image = new float[imageShape.size()];
    for (int p = 0; p < planes; p++) {
      fft.inverse(spec, p * specPer, scale, factor, image, p * h * w);
    }
    return new Transformed(INTERNALS.adopt(imageShape, image), g -> {
      float[] gi = INTERNALS.array(g);
      float[] gs = new float[parameter.size()];
      for (int p = 0; p < planes; p++) {
        fft.adjoint(gi, p * h * w, scale, factor, gs, p * specPer);
      }
      return INTERNALS.adopt(parameter.shape(), gs);
    });
  }

  @Override
  public String description() {
    return "fft(decay " + decay + ")";
  }
}
