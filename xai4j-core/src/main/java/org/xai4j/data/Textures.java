package org.xai4j.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.TensorInternals;

/**
 * A seeded generator of colour textures whose content is known exactly: stripes, checkers, dots,
 * rings, gradients and waves ({@link TextureKind}) in random orientations, periods and colours, so
 * that a network trained on them has channels that respond to recognisable patterns (feature
 * visualization's bundled model, {@code textures-cnn}).
 *
 * <p>Each image is {@value #SIDE}x{@value #SIDE} RGB in {@code [0, 1]}. A sample draws: an angle
 * uniform in {@code [0, pi)}; a period uniform in {@code [MIN_PERIOD, MAX_PERIOD]} pixels; an origin
 * (the rings' centre) uniform inside the image; a background colour uniform
 * per channel and a foreground colour at least {@link #MIN_CONTRAST} away from it (L1 over RGB). A
 * pixel's colour blends the two by the kind's weight, averaged over {@value #SUPERSAMPLING}x{@value
 * #SUPERSAMPLING} points inside the pixel (so edges are anti-aliased), plus per-pixel noise of
 * amplitude {@link #PIXEL_NOISE}, clipped to {@code [0, 1]}.
 *
 * <p>Sample {@code i} has class {@code i mod classes()} and is drawn from its own
 * {@code new SplittableRandom(seed * SEED_STRIDE + i)}: it depends only on the seed and its index, never on
 * the number of samples or the thread count. (Not {@code java.util.Random}: its first draws from
 * seeds in arithmetic progression lie on a line, so the samples of one class, whose seeds are
 * {@code classes()} apart, would all have nearly the same angle and period, and the training and test
 * seeds would cover different ranges of them.)
 */
public final class Textures {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Height and width in pixels. */
  public static final int SIDE = 64;
  /** Colour channels. */
  public static final int CHANNELS = 3;
  /** Shortest period in pixels. */
  public static final double MIN_PERIOD = 6;
  /** Longest period in pixels. */
  public static final double MAX_PERIOD = 16;
  /** Smallest L1 distance (summed over RGB) between the two colours. */
  public static final double MIN_CONTRAST = 0.6;
  /** Amplitude of the per-pixel noise (values in {@code [-a, a]}). */
  public static final double PIXEL_NOISE = 0.05;
  /** Points per pixel side averaged for anti-aliasing. */
  public static final int SUPERSAMPLING = 3;
  /** Multiplier that spreads seeds so that the sample streams of nearby seeds do not overlap. */
  public static final long SEED_STRIDE = 1_000_033L;

  private static final TextureKind[] KINDS = TextureKind.values();

  private Textures() {}

  /** Number of classes, one per {@link TextureKind}. */
  public static int classes() {
    return KINDS.length;
  }

  /**
   * {@code count} images with labels and parameters, deterministic for {@code seed}.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static TexturesData generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("cannot generate " + count + " texture images");
    }
    int per = CHANNELS * SIDE * SIDE;
    float[] images = new float[count * per];
    int[] labels = new int[count];
    TextureParameters[] params = new TextureParameters[count];
    Parallelism.forEach(count, i -> {
      labels[i] = i % KINDS.length;
      RandomGenerator rnd = new SplittableRandom(seed * SEED_STRIDE + i);
      params[i] = parameters(KINDS[labels[i]], rnd);
      draw(params[i], rnd, images, i * per);
    });
    return new TexturesData(
        new LabeledImages(INTERNALS.adopt(Shape.of(count, CHANNELS, SIDE, SIDE), images), labels, KINDS.length),
        Arrays.asList(params));
  }

  private static TextureParameters parameters(TextureKind kind, RandomGenerator rnd) {
    double angle = Math.PI * rnd.nextDouble();
    double period = MIN_PERIOD + (MAX_PERIOD - MIN_PERIOD) * rnd.nextDouble();
    double cx = SIDE * rnd.nextDouble();
    double cy = SIDE * rnd.nextDouble();
    double[] background = new double[CHANNELS];
    for (int c = 0; c < CHANNELS; c++) {
      background[c] = rnd.nextDouble();
    }
    double[] foreground = new double[CHANNELS];
    double distance;
    do {
      distance = 0;
      for (int c = 0; c < CHANNELS; c++) {
        foreground[c] = rnd.nextDouble();
        distance += Math.abs(foreground[c] - background[c]);
      }
    } while (distance < MIN_CONTRAST);
    return new TextureParameters(kind, angle, period, cx, cy, foreground, background);
  }

  private static void draw(TextureParameters s, RandomGenerator rnd, float[] img, int off) {
    double cos = Math.cos(s.angle());
    double sin = Math.sin(s.angle());
    double[] fg = s.foreground();
    double[] bg = s.background();
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double w = 0;
        for (int sy = 0; sy < SUPERSAMPLING; sy++) {
          for (int sx = 0; sx < SUPERSAMPLING; sx++) {
            double px = x + (sx + 0.5) / SUPERSAMPLING;
            double py = y + (sy + 0.5) / SUPERSAMPLING;
            double dx = px - s.centreX();
            double dy = py - s.centreY();
            w += s.kind().weight(dx * cos + dy * sin, -dx * sin + dy * cos, s.period(), px, py, s);
          }
        }
        w /= SUPERSAMPLING * SUPERSAMPLING;
        for (int c = 0; c < CHANNELS; c++) {
          double v = bg[c] + w * (fg[c] - bg[c]) + PIXEL_NOISE * (2 * rnd.nextDouble() - 1);
          img[off + c * SIDE * SIDE + y * SIDE + x] = (float) Math.min(1, Math.max(0, v));
        }
      }
    }
  }
}
