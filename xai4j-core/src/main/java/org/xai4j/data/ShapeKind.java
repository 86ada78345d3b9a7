package org.xai4j.data;

/**
 * The object classes of {@link Shapes}. Each kind is a point-in-shape test relative to the
 * object's centre and its radius {@code r} (half its height), in pixels.
 */
public enum ShapeKind {
  /** A disc: {@code dx^2 + dy^2 <= r^2}. */
  CIRCLE {
    @Override
    boolean contains(double dx, double dy, double r) {
      return dx * dx + dy * dy <= r * r;
    }
  },
  /** An axis-aligned square of half-side {@code SQUARE_HALF_SIDE * r} (about the disc's area). */
  SQUARE {
    @Override
    boolean contains(double dx, double dy, double r) {
      double h = SQUARE_HALF_SIDE * r;
      return Math.abs(dx) <= h && Math.abs(dy) <= h;
    }
  },
  /** An isosceles triangle pointing up: apex at {@code (0, -r)}, base from {@code (-r, r)} to {@code (r, r)}. */
  TRIANGLE {
    @Override
    boolean contains(double dx, double dy, double r) {
      return dy >= -r && dy <= r && Math.abs(dx) <= (dy + r) / 2;
    }
  },
  /** A plus sign: two bars of length {@code 2r} and half-width {@code CROSS_HALF_WIDTH * r}. */
  CROSS {
    @Override
    boolean contains(double dx, double dy, double r) {
      double t = CROSS_HALF_WIDTH * r;
      double ax = Math.abs(dx);
      double ay = Math.abs(dy);
      return (ax <= r && ay <= t) || (ax <= t && ay <= r);
    }
  };

  /** Half-side of a square relative to the radius: sqrt(pi)/2, so square and disc have equal area. */
  static final double SQUARE_HALF_SIDE = Math.sqrt(Math.PI) / 2;
  /** Half-width of a cross bar relative to the radius. */
  static final double CROSS_HALF_WIDTH = 1.0 / 3;

  /** Whether the point {@code (dx, dy)} from the centre lies in the shape of radius {@code r}. */
  abstract boolean contains(double dx, double dy, double r);
}
