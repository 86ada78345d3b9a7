package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The methods {@code xai4j demo} compares, taken from the method registry ({@link Methods}): every
 * method except the plain {@code lrp} entry, then {@code lrp:NAME} for every LRP composite
 * ({@link Composites#NAMES}), canonized (the registry's default), with the model's input range as the zB bounds (so
 * epsilon-gamma-box runs and deep Taylor uses zB at the first layer). Grad-CAM is upsampled to the
 * input size, so every heatmap can be scored against masks and pixel regions.
 */
final class DemoMethods {
  private static final String LRP = "lrp";
  private static final String LRP_PREFIX = LRP + ":";
  /** Methods that need an image input {@code [N, C, H, W]}. */
  private static final String GRAD_CAM = "grad-cam";
  private static final Set<String> IMAGE_ONLY = Set.of(GRAD_CAM, "occlusion");

  private DemoMethods() {}

  /**
   * One method to run.
   *
   * @param name the registry name, for example {@code integrated-gradients} or {@code lrp:deep-taylor}
   * @param attributor the configured method
   */
  record Method(String name, Attributor attributor) {
    /** Whether this is an LRP composite (its conservation is reported). */
    boolean isLrp() {
      return name.startsWith(LRP_PREFIX);
    }
  }

  /**
   * All methods for an image model.
   *
   * @param input a sample batch of the model (occlusion sizes its window from it)
   * @param camLayer the node grad-cam explains
   * @param low the lowest input value
   * @param high the highest input value
   */
  static List<Method> all(Tensor input, String camLayer, float low, float high) {
    List<Method> methods = new ArrayList<>();
    for (String n : names()) {
      methods.add(method(n, input, camLayer, low, high));
    }
    return methods;
  }

  /** The methods that apply to vector inputs {@code [N, D]} (all but grad-cam and occlusion). */
  static List<Method> forVectors(Tensor input, float low, float high) {
    List<Method> methods = new ArrayList<>();
    for (String n : names()) {
      if (!IMAGE_ONLY.contains(n)) {
        methods.add(method(n, input, null, low, high));
      }
    }
    return methods;
  }

  private static Method method(String name, Tensor input, String camLayer, float low, float high) {
    return new Method(name, attributor(name, input.shape(), camLayer, low, high));
  }

  /**
   * The registry's method {@code spec} for image inputs: {@code lrp} with the zB bounds {@code low} and
   * {@code high} ({@code null}: none), Grad-CAM of {@code camLayer} (unless {@code grad-cam:LAYER} names
   * it) upsampled to the input size; every other option at the registry's default.
   *
   * @throws IllegalArgumentException if the method is unknown or lacks its argument (see {@link Methods})
   */
  static Attributor attributor(String spec, Shape input, String camLayer, Float low, Float high) {
    String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    MethodOptions o = MethodOptions.none();
    if (name.equals(LRP)) {
      o = o.withBounds(low, high);
    } else if (name.equals(GRAD_CAM)) {
      o = o.withLayer(spec.equals(name) ? camLayer : null).withUpsample(true);
    }
    return Methods.attributor(spec, o, input);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(Methods.NAMES);
    names.remove(LRP);
    for (String composite : Composites.NAMES) {
      names.add(LRP_PREFIX + composite);
    }
    return names;
  }
}
