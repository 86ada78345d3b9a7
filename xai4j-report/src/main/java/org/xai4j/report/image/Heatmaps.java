package org.xai4j.report.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.ChannelReduction;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Renders heatmaps {@code [H, W]} to RGB images the way Zennit's {@code imgify} does: values are
 * scaled to {@code [0, 1]} ({@link Scaling}), quantized to 8 bits ({@code floor(255 v)}, clipped)
 * and looked up in a {@link ColorMap#palette} of the given level. Example:
 *
 * <pre>{@code
 * Tensor map = attribution.heatmap(ChannelReduction.SUM).slice0(0, 1);   // [1, 224, 224]
 * BufferedImage img = Heatmaps.render(map, ColorMap.named("coldnhot"), Scaling.SYMMETRIC, 1.0);
 * Png.write(img, Path.of("heatmap.png"));
 * }</pre>
 */
public final class Heatmaps {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Zennit's default palette level. */
  public static final double DEFAULT_LEVEL = 1.0;
  private static final int MAX_BYTE = 255;
  private static final int MAP_RANK = 2;
  private static final int IMAGE_RANK = 3;
  private static final int BATCHED_IMAGE_RANK = 4;
  private static final int RGB_CHANNELS = 3;
  private static final int BYTE_MASK = 0xff;

  private Heatmaps() {}

  /**
   * Sample {@code n} of an attribution as a map {@code [H, W]} to render: an image relevance
   * {@code [N, C, H, W]} summed over its channels, a map {@code [N, H, W]} (Grad-CAM, Sensitivity)
   * as it is, a vector relevance {@code [N, F]} as a strip {@code [1, F]}.
   *
   * @throws IllegalArgumentException if the relevance has another rank
   */
  public static Tensor map(Attribution a, int n) {
    Attribution one = a.sample(n);
    Tensor r = one.relevance();
    Shape s = r.shape();
    return switch (s.rank()) {
      case BATCHED_IMAGE_RANK -> one.heatmap(ChannelReduction.SUM).reshape(s.dim(2), s.dim(3));
      case IMAGE_RANK -> r.reshape(s.dim(1), s.dim(2));
      case MAP_RANK -> r;
      default -> throw new IllegalArgumentException("cannot draw a relevance of shape " + s + " as a heatmap");
    };
  }

  /**
   * A heatmap {@code [H, W]}, or a batch of one {@code [1, H, W]} as
   * {@code attribution.heatmap(SUM)} returns it for one sample, as an RGB image. A constant map
   * (zero range) renders as the palette entry of value 0 under {@link Scaling#MIN_MAX} and of the
   * centre under {@link Scaling#SYMMETRIC}.
   *
   * @throws IllegalArgumentException if the map is neither {@code [H, W]} nor {@code [1, H, W]}
   */
  public static BufferedImage render(Tensor map, ColorMap cmap, Scaling scaling, double level) {
    boolean single = map.rank() == MAP_RANK || map.rank() == IMAGE_RANK && map.shape().dim(0) == 1;
    if (!single) {
      throw new IllegalArgumentException("a heatmap to render must be [H, W] or one sample [1, H, W] (pick one with "
          + "slice0(n, n + 1)), got " + map.shape());
    }
    int h = map.shape().dim(map.rank() - 2);
    int w = map.shape().dim(map.rank() - 1);
    float[] v = INTERNALS.array(map);
    double[] b = scaling.bounds(v);
    double range = b[1] - b[0];
    int[] palette = cmap.palette(level);
    int constant = scaling == Scaling.SYMMETRIC ? MAX_BYTE / 2 : 0;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    // TYPE_INT_RGB keeps 0x00RRGGBB per pixel, row by row: the palette's packing
    int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = palette[range > 0 ? quantize((v[i] - b[0]) / range) : constant];
    }
    return img;
  }

  /** {@code floor(255 u)} clipped to {@code [0, 255]}. */
  static int quantize(double u) {
    return (int) Math.max(0, Math.min(MAX_BYTE, Math.floor(u * MAX_BYTE)));
  }

  /**
   * An image {@code [C, H, W]} with 1 or 3 channels (for example a model input) as RGB, min-max
   * scaled over all its values; one channel is rendered grey.
   *
   * @throws IllegalArgumentException if the shape is not {@code [1|3, H, W]}
   */
  public static BufferedImage image(Tensor chw) {
    Shape s = chw.shape();
    if (s.rank() != IMAGE_RANK || (s.dim(0) != 1 && s.dim(0) != RGB_CHANNELS)) {
      throw new IllegalArgumentException("an image to render must be [1 or 3, H, W], got " + s);
    }
    int c = s.dim(0);
    int h = s.dim(1);
    int w = s.dim(2);
    float[] v = INTERNALS.array(chw);
    double[] b = Scaling.MIN_MAX.bounds(v);
    double range = b[1] - b[0];
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = 0;
        for (int k = 0; k < RGB_CHANNELS; k++) {
          int ch = c == 1 ? 0 : k;
          int q = range > 0 ? quantize((v[(ch * h + y) * w + x] - b[0]) / range) : 0;
          rgb = (rgb << Byte.SIZE) | q;
        }
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /**
   * {@code image} with every pixel drawn as a {@code k x k} block (nearest neighbour: no invented detail), so that
   * a 28 x 28 heatmap or a Grad-CAM map at its layer's resolution is not a thumbnail; {@code k = 1} returns the
   * image itself.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static BufferedImage enlarge(BufferedImage image, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("an enlargement factor must be at least 1, got " + k);
    }
    if (k == 1) {
      return image;
    }
    int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : image.getType();
    BufferedImage big = new BufferedImage(image.getWidth() * k, image.getHeight() * k, type);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
    g.dispose();
    return big;
  }

  /**
   * Blends a heatmap over a base image of the same size: {@code alpha * heat + (1 - alpha) * base}
   * per channel, rounded.
   *
   * @throws IllegalArgumentException if the sizes differ or alpha is outside {@code [0, 1]}
   */
  public static BufferedImage overlay(BufferedImage heat, BufferedImage base, double alpha) {
    if (heat.getWidth() != base.getWidth() || heat.getHeight() != base.getHeight() || !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("overlay needs equal sizes and alpha in [0, 1]: heatmap "
          + heat.getWidth() + "x" + heat.getHeight() + ", base " + base.getWidth() + "x" + base.getHeight()
          + ", alpha " + alpha);
    }
    BufferedImage out = new BufferedImage(heat.getWidth(), heat.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < heat.getHeight(); y++) {
      for (int x = 0; x < heat.getWidth(); x++) {
        int a = heat.getRGB(x, y);
        int b = base.getRGB(x, y);
        int rgb = 0;
        for (int shift = 2 * Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
          double mixed = alpha * ((a >> shift) & BYTE_MASK) + (1 - alpha) * ((b >> shift) & BYTE_MASK);
          rgb = (rgb << Byte.SIZE) | (int) Math.round(mixed);
        }
        out.setRGB(x, y, rgb);
      }
    }
    return out;
  }
}
