package org.xai4j.data;

/**
 * The classes of {@link Textures}. Each kind maps a pixel position to a foreground weight in
 * {@code [0, 1]} (0 is the background colour, 1 the foreground colour), from coordinates
 * {@code u} (across the pattern's orientation) and {@code v} (along it) in pixels, rotated by the
 * sample's angle, and the sample's period {@code p} in pixels.
 */
public enum TextureKind {
  /** Parallel bands of width {@code p / 2}: foreground where {@code frac(u / p) < 1/2}. */
  STRIPES {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      return frac(u / p) < HALF ? 1 : 0;
    }
  },
  /** A checkerboard of cells {@code p} wide: foreground where {@code floor(u / p) + floor(v / p)} is even. */
  CHECKERS {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      return Math.floorMod((long) Math.floor(u / p) + (long) Math.floor(v / p), 2) == 0 ? 1 : 0;
    }
  },
  /** Dots of radius {@code DOT_RADIUS * p} on a square lattice of spacing {@code p}. */
  DOTS {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      double du = (frac(u / p) - HALF) * p;
      double dv = (frac(v / p) - HALF) * p;
      return du * du + dv * dv <= DOT_RADIUS * DOT_RADIUS * p * p ? 1 : 0;
    }
  },
  /** Concentric rings of width {@code p / 2} around the sample's centre. */
  RINGS {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      double dx = x - s.centreX();
      double dy = y - s.centreY();
      return frac(Math.sqrt(dx * dx + dy * dy) / p) < HALF ? 1 : 0;
    }
  },
  /** A smooth linear blend from background to foreground across the image, perpendicular to the angle, centred on the image. */
  GRADIENT {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      double half = Textures.SIDE / 2.0;
      double across = (x - half) * Math.cos(s.angle()) + (y - half) * Math.sin(s.angle());
      return Math.max(0, Math.min(1, HALF + across / Textures.SIDE));
    }
  },
  /** Wavy bands: stripes along {@code u + a sin(2 pi v / (WAVE_LENGTH p))} with amplitude {@code a = WAVE_AMPLITUDE p}. */
  WAVES {
    @Override
    double weight(double u, double v, double p, double x, double y, TextureParameters s) {
      double shifted = u + WAVE_AMPLITUDE * p * Math.sin(2 * Math.PI * v / (WAVE_LENGTH * p));
      return frac(shifted / p) < HALF ? 1 : 0;
    }
  };

  /** Dot radius as a fraction of the lattice spacing. */
  static final double DOT_RADIUS = 0.3;
  /** Wave amplitude as a fraction of the period. */
  static final double WAVE_AMPLITUDE = 0.6;
  /** Wavelength along the bands in periods. */
  static final double WAVE_LENGTH = 3;
  private static final double HALF = 0.5;

  /**
   * The foreground weight at rotated coordinates {@code (u, v)} (pixel {@code (x, y)}) for period
   * {@code p} and the sample's other parameters.
   */
  abstract double weight(double u, double v, double p, double x, double y, TextureParameters s);

  private static double frac(double t) {
    return t - Math.floor(t);
  }
}
