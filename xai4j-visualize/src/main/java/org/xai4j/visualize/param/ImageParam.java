package org.xai4j.visualize.param;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.op.Sigmoid;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.transform.Compose;
import org.xai4j.visualize.transform.OpStep;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transformed;

/**
 * An image parameterization, Lucid's {@code param.image}: a spatial basis (pixels or a 1/f-scaled
 * Fourier spectrum), then optionally the decorrelated colour space, then a sigmoid into
 * {@code (0, 1)}. Lucid's and Lucent's default is Fourier with decorrelation
 * ({@link #lucid(int, int, int, int)}).
 *
 * @param basis the spatial basis, which fixes the image shape
 * @param decorrelate whether the channels pass through {@link ColorDecorrelation} (RGB only)
 */
public record ImageParam(SpatialBasis basis, boolean decorrelate) {
  /** Validates that decorrelation gets three channels. */
  public ImageParam {
    if (decorrelate && basis.imageShape().dim(1) != 3) {
      throw new IllegalArgumentException("colour decorrelation needs 3 channels; the image shape is " + basis.imageShape());
    }
  }

  /** Lucid's {@code image(w, h, batch, fft=True, decorrelate=True)} with {@code channels} channels (decorrelated only for 3). */
  public static ImageParam lucid(int batch, int channels, int height, int width) {
    return new ImageParam(FourierBasis.of(Shape.of(batch, channels, height, width)), channels == 3);
  }

  /** A pixel parameterization with Lucid's start ({@code sd = 0.01}). */
  public static ImageParam pixel(int batch, int channels, int height, int width, boolean decorrelate) {
    return new ImageParam(new PixelBasis(Shape.of(batch, channels, height, width), PixelBasis.DEFAULT_SD), decorrelate);
  }

  /** A Fourier parameterization with Lucid's defaults. */
  public static ImageParam fourier(int batch, int channels, int height, int width, boolean decorrelate) {
    return new ImageParam(FourierBasis.of(Shape.of(batch, channels, height, width)), decorrelate);
  }

  /** The shape of the images, {@code [N, C, H, W]}. */
  public Shape imageShape() {
    return basis.imageShape();
  }

  /** A random start from {@code random}. */
  public Tensor initial(RandomGenerator random) {
    return basis.initial(random);
  }

  /** The image in {@code (0, 1)} of a parameter, with the backward pass to the parameter. */
  public Transformed render(Tensor parameter) {
    Transformed spatial = basis.toImage(parameter);
    Transformed colour = colour().apply(spatial.output(), null);
    return new Transformed(colour.output(), g -> spatial.backward(colour.backward(g)));
  }

  private Compose colour() {
    List<Transform> steps = new ArrayList<>();
    if (decorrelate) {
      steps.add(new ColorDecorrelation());
    }
    steps.add(new OpStep(new Sigmoid()));
    return new Compose(steps);
  }

  /** For example {@code fft(decay 1.0), decorrelate, sigmoid}. */
  public String description() {
    return basis.description() + ", " + colour().description();
  }
}
