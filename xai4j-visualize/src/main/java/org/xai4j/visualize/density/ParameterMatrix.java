package org.xai4j.visualize.density;

/**
 * A constant parameter matrix of a density (a whitening matrix, RBM weights) in double precision,
 * with its float32 copy made once, on first use by {@link Arithmetic#FLOAT32}, instead of at every
 * product. Immutable; the copy is published safely to every thread.
 */
final class ParameterMatrix {
  private final double[] values;
  private volatile float[] floats;

  /** Wraps the values, which must not change afterwards. */
  ParameterMatrix(double[] values) {
    this.values = values;
  }

  /** The values in double precision; read only. */
  double[] values() {
    return values;
  }

  /** The values rounded to float32; read only. */
  float[] floats() {
    float[] f = floats;
    if (f == null) {
      f = new float[values.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) values[i];
      }
      floats = f;
    }
    return f;
  }
}
