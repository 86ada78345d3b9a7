package org.xai4j.visualize.objective;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A direction in activation space, Lucid's {@code direction} and {@code direction_neuron}: at each
 * position the dot product {@code d = <a, v>} of the activation vector {@code a} (over channels)
 * with {@code v}, weighted by the floored cosine similarity raised to {@code cossimPow}:
 *
 * <pre>
 *   f = d * max(0.1, d / ((eps + |a|) (eps + |v|)))^cossimPow,   eps = 1e-4
 * </pre>
 *
 * With {@code cossimPow = 0} this is the plain dot product. Per item the mean of {@code f} over all
 * positions ({@code direction}) or its value at one position ({@code direction_neuron}, centre by
 * default); over the batch their mean. Lucid's building-blocks notebooks use a cosine power of 1 to
 * favour images whose activations point along {@code v} rather than merely being large.
 *
 * <p>Lucent's {@code direction} differs: it is the mean cosine similarity itself, without the dot
 * product, which ignores how strongly the layer responds; we follow Lucid.
 *
 * @param node the node read
 * @param vector one weight per channel
 * @param cossimPow the power of the floored cosine similarity, at least 0
 * @param neuron whether to read one position ({@code y}, {@code x}) instead of all
 * @param y the row for a neuron, or {@code null} for the centre
 * @param x the column for a neuron, or {@code null} for the centre
 */
record Direction(String node, float[] vector, double cossimPow, boolean neuron, Integer y, Integer x) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Lucid's stabilizer of the magnitudes in the cosine similarity. */
  static final double EPS = 1e-4;
  /** Lucid's floor of the cosine similarity before the power. */
  static final double COSINE_FLOOR = 0.1;

  Direction {
    vector = vector.clone();
    if (!(cossimPow >= 0)) {
      throw new IllegalArgumentException("the cosine power must be >= 0, got " + cossimPow);
    }
  }

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    Layout l = Layout.of(node, t, this);
    if (vector.length != l.channels()) {
      throw new IllegalArgumentException(description() + ": the direction has " + vector.length
          + " entries but node '" + node + "' has " + l.channels() + " channels (shape " + t.shape() + ")");
    }
    int first = 0;
    int count = l.area();
    if (neuron) {
      first = Position.resolve(y, l.height(), "row", node, this) * l.width()
          + Position.resolve(x, l.width(), "column", node, this);
      count = 1;
    }
    double vNorm = 0;
    for (float v : vector) {
      vNorm += (double) v * v;
    }
    vNorm = Math.sqrt(vNorm);
    float[] d = INTERNALS.array(t);
    float[] g = new float[d.length];
    double[] perItem = new double[l.batch()];
    double total = 0;
    double share = 1.0 / ((double) l.batch() * count);
    for (int n = 0; n < l.batch(); n++) {
      double s = 0;
      for (int pos = first; pos < first + count; pos++) {
        s += position(d, g, n * l.perItem() + pos, l.area(), vNorm, share);
      }
      perItem[n] = s / count;
      total += perItem[n];
    }
    return new ObjectiveValue(total / l.batch(), perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  /** f at one position (channel stride {@code stride} from {@code base}); adds {@code share * df/da} to g. */
  private double position(float[] d, float[] g, int base, int stride, double vNorm, double share) {
    double dot = 0;
    double aa = 0;
    for (int c = 0; c < vector.length; c++) {
      double v = d[base + c * stride];
      dot += v * vector[c];
      aa += v * v;
    }
    if (cossimPow == 0) {
      for (int c = 0; c < vector.length; c++) {
        g[base + c * stride] += (float) (share * vector[c]);
      }
      return dot;
    }
    double aNorm = Math.sqrt(aa);
    double denom = (EPS + aNorm) * (EPS + vNorm);
    double cos = dot / denom;
    if (cos <= COSINE_FLOOR) {
      double w = Math.pow(COSINE_FLOOR, cossimPow);
      for (int c = 0; c < vector.length; c++) {
        g[base + c * stride] += (float) (share * vector[c] * w);
      }
      return dot * w;
    }
    double cp = Math.pow(cos, cossimPow);
    double outer = dot * cossimPow * Math.pow(cos, cossimPow - 1);
    for (int c = 0; c < vector.length; c++) {
      double ac = d[base + c * stride];
      double dCos = vector[c] / denom - dot * (ac / aNorm) / ((EPS + aNorm) * denom);
      g[base + c * stride] += (float) (share * (vector[c] * cp + outer * dCos));
    }
    return dot * cp;
  }

  @Override
  public String description() {
    return (neuron ? "direction_neuron(" : "direction(") + node + ", [" + vector.length + " weights]"
        + (cossimPow == 0 ? "" : ", cossim_pow=" + cossimPow) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Direction other && node.equals(other.node) && Arrays.equals(vector, other.vector)
        && cossimPow == other.cossimPow && neuron == other.neuron && Objects.equals(y, other.y)
        && Objects.equals(x, other.x);
  }

  @Override
  public int hashCode() {
    return node.hashCode() * 31 + Arrays.hashCode(vector);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }
}
