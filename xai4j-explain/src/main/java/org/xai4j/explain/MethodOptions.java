package org.xai4j.explain;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The options of the methods in {@link Methods}, each {@code null} unless given (then the method's
 * default applies). An option given to a method it does not apply to is an error, so a typo'd or
 * misplaced option never passes silently. Option names in messages are the command-line flags
 * ({@code noiseLevel} is {@code --noise-level}).
 *
 * @param integrationSteps integrated-gradients: number of steps
 * @param noiseSamples smoothgrad: number of noisy copies
 * @param noiseLevel smoothgrad: noise standard deviation over the input's range
 * @param noiseSeed smoothgrad: noise seed
 * @param window occlusion: window extent per non-batch axis (default: all channels x 8 x 8)
 * @param stride occlusion: strides (default: the window)
 * @param layer grad-cam: the layer (also {@code grad-cam:LAYER})
 * @param relu grad-cam: clip negative values
 * @param upsample grad-cam: resize the map to the input's height and width
 * @param composite an LRP composite name ({@link org.xai4j.explain.lrp.composite.Composites#NAMES}):
 *     the method of {@code lrp} (also {@code lrp:NAME}), the overrides of any other gradient method
 * @param canonize with a composite: merge batch norms, residual additions as sums (default: on)
 * @param attention with a composite: softmax attention by {@code attn-lrp} (default) or
 *     {@code cp-lrp} (attention weights held constant)
 * @param zennitMergedBias with {@code canonize}: a merged bias enters every rule term unmodified
 *     (Zennit master 6b0bbdf)
 * @param low with a composite: the lowest input value (zB rule; with {@code high})
 * @param high with a composite: the highest input value (zB rule; with {@code low})
 * @param seedTimesOutput gradient methods: multiply the target's seed by the target value
 *     (default: on for {@code lrp}, off otherwise)
 * @param gradientWhereUncovered with a composite: nodes with parameters or constant operands that
 *     no rule covers keep the plain gradient instead of failing the resolution
 *     ({@link org.xai4j.explain.lrp.composite.Composite#withGradientWhereUncovered}; default: fail)
 * @param internalBatch integrated-gradients, smoothgrad, occlusion: points (path points, noisy or
 *     occluded copies) per pass through the graph (default: chosen from the memory one point needs,
 *     {@link org.xai4j.explain.attribution.InternalBatch})
 */
public record MethodOptions(Integer integrationSteps, Integer noiseSamples, Double noiseLevel, Long noiseSeed,
    int[] window, int[] stride, String layer, Boolean relu, Boolean upsample, String composite, Boolean canonize,
    String attention, Boolean zennitMergedBias, Float low, Float high, Boolean seedTimesOutput,
    Boolean gradientWhereUncovered, Integer internalBatch) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No option given: every method's defaults. */
  public static MethodOptions none() {
    return new MethodOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  /** These options with the grad-cam layer. */
  public MethodOptions withLayer(String l) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, l, relu,
        upsample, composite, canonize, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }

  /** These options with grad-cam upsampling on or off. */
  public MethodOptions withUpsample(Boolean on) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu, on,
        composite, canonize, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }

  /** These options with the input bounds of the zB rule. */
  public MethodOptions withBounds(Float lo, Float hi) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, canonize, attention, zennitMergedBias, lo, hi, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }

  /** These options with the LRP composite. */
  public MethodOptions withComposite(String name) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, name, canonize, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }

  /** These options with canonizing on or off (composites only). */
  public MethodOptions withCanonize(Boolean on) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, on, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }

  /** These options with the seed-times-output flag. */
  public MethodOptions withSeedTimesOutput(Boolean on) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, canonize, attention, zennitMergedBias, low, high, on, gradientWhereUncovered,
        internalBatch);
  }

  /** These options with the gradient kept (or not) where no rule covers a node with parameters. */
  public MethodOptions withGradientWhereUncovered(Boolean on) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, canonize, attention, zennitMergedBias, low, high, seedTimesOutput, on,
        internalBatch);
  }

  /** These options with the points per pass of the methods that evaluate many points. */
  public MethodOptions withInternalBatch(Integer rows) {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, canonize, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, rows);
  }

  /** The options given (not {@code null}), by component name, in declaration order. */
  public Set<String> given() {
    Set<String> out = new LinkedHashSet<>();
    for (RecordComponent c : MethodOptions.class.getRecordComponents()) {
      if (value(c) != null) {
        out.add(c.getName());
      }
    }
    return out;
  }

  /**
   * These options without those not in {@code names} (for one of several methods sharing a command
   * line, see {@link Methods#options}).
   */
  public MethodOptions only(Set<String> names) {
    RecordComponent[] cs = MethodOptions.class.getRecordComponents();
    Object[] values = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      values[i] = names.contains(cs[i].getName()) ? value(cs[i]) : null;
      types[i] = cs[i].getType();
    }
    try {
      return MethodOptions.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy method options", e);
    }
  }

  /** The command-line flag of an option: {@code noiseLevel} is {@code --noise-level}. */
  public static String flag(String option) {
    return "--" + option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  @Override
  public int[] window() {
    return window == null ? null : window.clone();
  }

  @Override
  public int[] stride() {
    return stride == null ? null : stride.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MethodOptions m && m.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MethodOptions[");
    for (RecordComponent c : MethodOptions.class.getRecordComponents()) {
      Object v = value(c);
      if (v != null) {
        sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(c.getName()).append('=')
            .append(v instanceof int[] a ? Arrays.toString(a) : v);
      }
    }
    return sb.append(']').toString();
  }

  private Object value(RecordComponent c) {
    try {
      return c.getAccessor().invoke(this);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read option " + c.getName(), e);
    }
  }
}
