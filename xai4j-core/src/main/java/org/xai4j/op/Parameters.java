package org.xai4j.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Tensor;

/** The named weights of an op, in a fixed order (for example {@code weight}, {@code bias}). */
public final class Parameters {
  /** The name of a layer's weight (convolution kernel, dense matrix, affine scale). */
  public static final String WEIGHT = "weight";
  /** The name of a layer's or a normalization's additive bias. */
  public static final String BIAS = "bias";
  /** No parameters. */
  public static final Parameters EMPTY = new Parameters(new LinkedHashMap<>());

  private final Map<String, Tensor> values;

  private Parameters(LinkedHashMap<String, Tensor> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Parameters from alternating names and tensors; {@code null} tensors are left out. */
  public static Parameters of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Parameters.of needs name/tensor pairs");
    }
    LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Tensor t = (Tensor) namesAndValues[i + 1];
      if (t != null) {
        m.put((String) namesAndValues[i], t);
      }
    }
    return m.isEmpty() ? EMPTY : new Parameters(m);
  }

  /** Parameters from a map, keeping its iteration order. */
  public static Parameters of(Map<String, Tensor> values) {
    return values.isEmpty() ? EMPTY : new Parameters(new LinkedHashMap<>(values));
  }

  /** The parameter names in order. */
  public List<String> names() {
    return new ArrayList<>(values.keySet());
  }

  /** Whether a parameter of that name exists. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * The parameter of that name.
   *
   * @throws IllegalArgumentException naming the key and the available names if it is absent
   */
  public Tensor get(String name) {
    Tensor t = values.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; parameters are " + values.keySet());
    }
    return t;
  }

  /** The parameter of that name, or {@code null} if absent (optional parameters such as a bias). */
  public Tensor getOrNull(String name) {
    return values.get(name);
  }

  /** A read-only map view in order. */
  public Map<String, Tensor> asMap() {
    return values;
  }

  /** Whether there are no parameters. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Total number of scalar weights. */
  public long count() {
    long n = 0;
    for (Tensor t : values.values()) {
      n += t.size();
    }
    return n;
  }

  /** These parameters with one value replaced (same name). */
  public Parameters with(String name, Tensor value) {
    get(name);
    LinkedHashMap<String, Tensor> m = new LinkedHashMap<>(values);
    m.put(name, value);
    return new Parameters(m);
  }

  /**
   * Checks that {@code other} has exactly these names with the same shapes.
   *
   * @throws IllegalArgumentException naming the op type, the parameter and both shapes
   */
  public void requireCompatible(Parameters other, String opType) {
    if (!values.keySet().equals(other.values.keySet())) {
      throw new IllegalArgumentException(opType + ": parameters " + other.values.keySet()
          + " do not match the op's parameters " + values.keySet());
    }
    for (Map.Entry<String, Tensor> e : values.entrySet()) {
      Tensor o = other.values.get(e.getKey());
      if (!o.shape().equals(e.getValue().shape())) {
        throw new IllegalArgumentException(opType + ": parameter '" + e.getKey() + "' has shape "
            + e.getValue().shape() + ", replacement has shape " + o.shape());
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(v.shape()));
    return sb.append('}').toString();
  }
}
