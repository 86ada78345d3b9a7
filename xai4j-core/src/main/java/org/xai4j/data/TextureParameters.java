package org.xai4j.data;

/**
 * The ground truth of one {@link Textures} image: everything its pattern was drawn from.
 *
 * @param kind the class
 * @param angle the orientation of the pattern in radians, in {@code [0, pi)}
 * @param period the pattern's period in pixels
 * @param centreX the centre of {@link TextureKind#RINGS}, and the origin of the other patterns, in pixels
 * @param centreY likewise
 * @param foreground the foreground RGB colour, each in {@code [0, 1]}
 * @param background the background RGB colour
 */
public record TextureParameters(TextureKind kind, double angle, double period, double centreX, double centreY,
    double[] foreground, double[] background) {
  /** Copies the colours. */
  public TextureParameters {
    foreground = foreground.clone();
    background = background.clone();
  }

  @Override
  public double[] foreground() {
    return foreground.clone();
  }

  @Override
  public double[] background() {
    return background.clone();
  }
}
