package org.xai4j.data;

import java.util.Random;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.TensorInternals;

/**
 * A seeded generator of images whose explanation has a known right answer: one object (a
 * {@link ShapeKind}) of random position, size and colour on a textured noise background, with the
 * pixel-exact object mask.
 *
 * <p>Each image is {@value #SIDE}x{@value #SIDE} RGB in {@code [0, 1]}. The background is a random
 * base colour in {@code [BACKGROUND_LOW, BACKGROUND_HIGH]} per channel plus smooth value noise (a
 * random lattice every {@value #NOISE_CELL} pixels, bilinearly interpolated, amplitude
 * {@link #SMOOTH_NOISE}) plus per-pixel noise (amplitude {@link #PIXEL_NOISE}). The object has a
 * radius in {@code [MIN_RADIUS, MAX_RADIUS]} pixels, lies fully inside the image, and is filled
 * with one flat colour whose L1 distance to the background base colour is at least
 * {@link #MIN_CONTRAST}. A pixel belongs to the object (mask 1) exactly when its centre
 * {@code (x + 0.5, y + 0.5)} lies in the shape; those pixels, and only those, have the object
 * colour.
 *
 * <p>Sample {@code i} has class {@code i mod classes()} (so the classes are balanced) and is drawn from its
 * own {@code new Random(seed * SEED_STRIDE + i)}: a sample depends only on the seed and its index,
 * never on the number of samples or the thread count.
 */
public final class Shapes {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Height and width in pixels. */
  public static final int SIDE = 64;
  /** Colour channels. */
  public static final int CHANNELS = 3;
  /** Smallest object radius in pixels. */
  public static final double MIN_RADIUS = 7;
  /** Largest object radius in pixels. */
  public static final double MAX_RADIUS = 18;
  /** Lowest background base colour value per channel. */
  public static final double BACKGROUND_LOW = 0.2;
  /** Highest background base colour value per channel. */
  public static final double BACKGROUND_HIGH = 0.8;
  /** Amplitude of the smooth background noise (values in {@code [-a, a]}). */
  public static final double SMOOTH_NOISE = 0.15;
  /** Amplitude of the per-pixel background noise (values in {@code [-a, a]}). */
  public static final double PIXEL_NOISE = 0.05;
  /** Lattice spacing of the smooth noise in pixels. */
  public static final int NOISE_CELL = 8;
  /** Smallest L1 distance (summed over RGB) between object colour and background base colour. */
  public static final double MIN_CONTRAST = 0.6;
  /** Multiplier that spreads seeds so that the sample streams of nearby seeds do not overlap. */
  public static final long SEED_STRIDE = 1_000_003L;

  private static final int LATTICE = SIDE / NOISE_CELL + 1;
  private static final double PIXEL_CENTRE = 0.5;
  private static final ShapeKind[] KINDS = ShapeKind.values();

  private Shapes() {}

  /** Number of classes, one per {@link ShapeKind}. */
  public static int classes() {
    return KINDS.length;
  }

  /**
   * {@code count} images with labels and masks, deterministic for {@code seed}.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static ShapesData generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("cannot generate " + count + " shape images");
    }
    int plane = SIDE * SIDE;
    float[] images = new float[count * CHANNELS * plane];
    float[] masks = new float[count * plane];
    int[] labels = new int[count];
    Parallelism.forEach(count, i -> {
      labels[i] = i % KINDS.length;
      draw(KINDS[labels[i]], new Random(seed * SEED_STRIDE + i), images, i * CHANNELS * plane, masks, i * plane);
    });
    return new ShapesData(
        new LabeledImages(INTERNALS.adopt(Shape.of(count, CHANNELS, SIDE, SIDE), images), labels, KINDS.length),
        INTERNALS.adopt(Shape.of(count, 1, SIDE, SIDE), masks));
  }

  private static void draw(ShapeKind kind, Random rnd, float[] img, int imgOff, float[] mask, int maskOff) {
    double[] base = new double[CHANNELS];
    for (int c = 0; c < CHANNELS; c++) {
      base[c] = BACKGROUND_LOW + (BACKGROUND_HIGH - BACKGROUND_LOW) * rnd.nextDouble();
    }
    double[] colour = objectColour(base, rnd);
    double r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * rnd.nextDouble();
    double cx = r + (SIDE - 2 * r) * rnd.nextDouble();
    double cy = r + (SIDE - 2 * r) * rnd.nextDouble();
    for (int c = 0; c < CHANNELS; c++) {
      double[] lattice = new double[LATTICE * LATTICE];
      for (int i = 0; i < lattice.length; i++) {
        lattice[i] = SMOOTH_NOISE * (2 * rnd.nextDouble() - 1);
      }
      int off = imgOff + c * SIDE * SIDE;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          double v = base[c] + smooth(lattice, x, y) + PIXEL_NOISE * (2 * rnd.nextDouble() - 1);
          img[off + y * SIDE + x] = (float) Math.min(1, Math.max(0, v));
        }
      }
    }
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        if (kind.contains(x + PIXEL_CENTRE - cx, y + PIXEL_CENTRE - cy, r)) {
          mask[maskOff + y * SIDE + x] = 1f;
          for (int c = 0; c < CHANNELS; c++) {
            img[imgOff + c * SIDE * SIDE + y * SIDE + x] = (float) colour[c];
          }
        }
      }
    }
  }

  /** A uniformly random colour at least {@link #MIN_CONTRAST} (L1) away from {@code base}. */
  private static double[] objectColour(double[] base, Random rnd) {
    double[] colour = new double[CHANNELS];
    double distance;
    do {
      distance = 0;
      for (int c = 0; c < CHANNELS; c++) {
        colour[c] = rnd.nextDouble();
        distance += Math.abs(colour[c] - base[c]);
      }
    } while (distance < MIN_CONTRAST);
    return colour;
  }

  /** Bilinear interpolation of the noise lattice at pixel {@code (x, y)}. */
  private static double smooth(double[] lattice, int x, int y) {
    int gx = x / NOISE_CELL;
    int gy = y / NOISE_CELL;
    double fx = (double) (x % NOISE_CELL) / NOISE_CELL;
    double fy = (double) (y % NOISE_CELL) / NOISE_CELL;
    double top = lattice[gy * LATTICE + gx] * (1 - fx) + lattice[gy * LATTICE + gx + 1] * fx;
    double bottom = lattice[(gy + 1) * LATTICE + gx] * (1 - fx) + lattice[(gy + 1) * LATTICE + gx + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
