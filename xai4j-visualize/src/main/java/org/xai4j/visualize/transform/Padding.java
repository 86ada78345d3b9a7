package org.xai4j.visualize.transform;

import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.op.Pad;
import org.xai4j.op.Pad.Mode;
import org.xai4j.tensor.Tensor;

/**
 * Pads each side of the image by {@code width} pixels (Lucid's and Lucent's {@code pad}), with a
 * constant or by reflection without repeating the border (core's ONNX {@code Pad}). The standard
 * stack pads 12 pixels of constant 0.5 (grey), so that jitter and rotation do not see the image's
 * edge as a feature.
 *
 * @param width pixels added on each side, at least 0
 * @param mode constant or reflect
 * @param value the fill of constant padding
 */
public record Padding(int width, Mode mode, float value) implements Transform {
  /** Validates the width and the mode. */
  public Padding {
    if (width < 0) {
      throw new IllegalArgumentException("pad width must be >= 0, got " + width);
    }
    if (mode != Mode.CONSTANT && mode != Mode.REFLECT) {
      throw new IllegalArgumentException("pad mode must be constant or reflect, got " + mode);
    }
  }

  /** Constant padding. */
  public static Padding constant(int width, float value) {
    return new Padding(width, Mode.CONSTANT, value);
  }

  /** Reflection padding (Lucid's default mode). */
  public static Padding reflect(int width) {
    return new Padding(width, Mode.REFLECT, 0f);
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    List<Integer> pads = List.of(0, 0, width, width, 0, 0, width, width);
    return OpStep.apply(new Pad(mode, pads, value), image);
  }

  @Override
  public String description() {
    return mode == Mode.CONSTANT ? "pad(" + width + ", constant " + value + ")" : "pad(" + width + ", reflect)";
  }
}
