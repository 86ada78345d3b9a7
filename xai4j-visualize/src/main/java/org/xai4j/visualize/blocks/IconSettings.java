package org.xai4j.visualize.blocks;

import java.util.List;
import java.util.Locale;
import org.xai4j.visualize.transform.Compose;
import org.xai4j.visualize.transform.Jitter;
import org.xai4j.visualize.transform.Padding;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transforms;

/**
 * How {@link FeatureIcons} renders the small feature visualizations of a report: cheap on purpose
 * (a few dozen Adam steps on Lucid's Fourier image, decorrelated colour for RGB models) so that a
 * report on a small CNN takes seconds. Images are the model input's size when the graph fixes it,
 * else {@code size}. The robustness transforms scale with the image: a pad and a jitter of
 * {@code max(1, side / 16)} pixels below 64 pixels, Lucid's standard stack from 64 on.
 *
 * @param size the side of the icons for models without a fixed input size
 * @param steps Adam steps
 * @param seed the seed of the start and the transforms
 */
public record IconSettings(int size, int steps, long seed) {
  /** Default side for models without a fixed input size. */
  public static final int DEFAULT_SIZE = 64;
  /** Default steps: enough for a recognizable pattern on the bundled models. */
  public static final int DEFAULT_STEPS = 64;
  private static final int STANDARD_FROM = 64;
  private static final int PAD_DIVISOR = 16;

  /** Checks the values. */
  public IconSettings {
    if (size < 8 || steps < 1) {
      throw new IllegalArgumentException("icons need size >= 8 and steps >= 1, got size " + size + ", steps " + steps);
    }
  }

  /** The defaults. */
  public static IconSettings defaults() {
    return new IconSettings(DEFAULT_SIZE, DEFAULT_STEPS, 0);
  }

  /** The robustness transforms for icons of side {@code side}. */
  Transform transforms(int side) {
    if (side >= STANDARD_FROM) {
      return Transforms.standard();
    }
    int d = Math.max(1, side / PAD_DIVISOR);
    return new Compose(List.of(Padding.constant(d, Transforms.STANDARD_PAD_VALUE), new Jitter(d)));
  }

  /** Everything that decides an icon's pixels besides model, layer and objective, for cache keys. */
  String key(int channels, int height, int width) {
    return String.format(Locale.ROOT, "fft decorrelate=%b %dx%dx%d steps=%d seed=%d lr=0.05 transforms=%s",
        channels == 3, channels, height, width, steps, seed, transforms(Math.min(height, width)).description());
  }
}
