package org.xai4j.visualize.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Named transform stacks. {@link #standard()} is Lucid's {@code standard_transforms} (and
 * Lucent's): pad 12 px of constant 0.5, jitter 8, scale by 0.9 to 1.1 in steps of 0.02, rotate by
 * -10 to 10 degrees in steps of 1 with 0 five times more likely, jitter 4.
 */
public final class Transforms {
  /** Padding of the standard stack, pixels per side. */
  public static final int STANDARD_PAD = 12;
  /** Fill of the standard padding (mid grey). */
  public static final float STANDARD_PAD_VALUE = 0.5f;
  /** The first jitter of the standard stack. */
  public static final int STANDARD_JITTER = 8;
  /** The last jitter of the standard stack. */
  public static final int STANDARD_FINAL_JITTER = 4;
  /** Number of scale factors: {@code 1 + (i - 5) / 50} for {@code i = 0..10}. */
  private static final int SCALE_COUNT = 11;
  /** Largest rotation of the standard stack, degrees. */
  private static final int MAX_DEGREES = 10;
  /** How many extra times the angle 0 is listed. */
  private static final int EXTRA_ZEROS = 5;

  private Transforms() {}

  /** Lucid's standard stack. */
  public static Compose standard() {
    return new Compose(List.of(
        Padding.constant(STANDARD_PAD, STANDARD_PAD_VALUE),
        new Jitter(STANDARD_JITTER),
        new RandomScale(standardScales()),
        new RandomRotate(standardAngles()),
        new Jitter(STANDARD_FINAL_JITTER)));
  }

  /** No transformation. */
  public static Compose none() {
    return new Compose(List.of());
  }

  /** {@code 1 + (i - 5) / 50} for {@code i = 0..10}: 0.9, 0.92, ..., 1.1. */
  public static List<Double> standardScales() {
    List<Double> s = new ArrayList<>();
    for (int i = 0; i < SCALE_COUNT; i++) {
      s.add(1 + (i - (SCALE_COUNT - 1) / 2) / 50.0);
    }
    return s;
  }

  /** -10..10 degrees in steps of 1, then 0 five more times. */
  public static List<Double> standardAngles() {
    List<Double> a = new ArrayList<>();
    for (int d = -MAX_DEGREES; d <= MAX_DEGREES; d++) {
      a.add((double) d);
    }
    for (int i = 0; i < EXTRA_ZEROS; i++) {
      a.add(0.0);
    }
    return a;
  }
}
