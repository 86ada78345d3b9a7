package org.xai4j.explain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientMethod;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.InternalBatch;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.StructuralRules;
import org.xai4j.tensor.Shape;

/**
 * The attribution methods by name, the one registry behind {@code xai4j explain},
 * {@code xai4j evaluate}, {@code xai4j demo} and {@code xai4j-spark}. A method is written
 * {@code NAME} or {@code NAME:ARGUMENT}: {@code lrp:COMPOSITE} (default {@value #DEFAULT_COMPOSITE}),
 * {@code grad-cam:LAYER}; the other methods take no argument. Options ({@link MethodOptions}) apply
 * where they make sense and are an error elsewhere; a composite given to a gradient method other
 * than {@code lrp} overrides its reverse pass (SmoothGrad over LRP, as in Zennit). Composites are
 * applied to the canonized graph unless {@code canonize} is false.
 *
 * <pre>{@code
 * Explainer e = Methods.attributor("lrp:epsilon-gamma-box", MethodOptions.none().withBounds(-1f, 1f),
 *     input.shape()).prepare(graph);
 * Explainer sg = Methods.attributor("smoothgrad", MethodOptions.none().withComposite("epsilon-plus-flat"),
 *     input.shape()).prepare(graph);
 * }</pre>
 */
public final class Methods {
  /** The LRP composite of {@code lrp} without an argument. */
  public static final String DEFAULT_COMPOSITE = "epsilon-plus-flat";
  /** Occlusion's default window side on images (all channels x this x this). */
  public static final int OCCLUSION_PATCH = 8;

  private static final int IMAGE_RANK = 4;
  private static final String LRP = "lrp";
  private static final String GRAD_CAM = "grad-cam";
  private static final String ATTN_LRP = "attn-lrp";
  /** The options of a method's LRP rules (with a composite only). */
  private static final List<String> RULE_OPTIONS = List.of("canonize", "attention", "zennitMergedBias", "low",
      "high", "gradientWhereUncovered");
  private static final Set<String> LRP_OPTIONS = union(Set.copyOf(RULE_OPTIONS), Set.of("composite",
      "seedTimesOutput"));
  private static final Set<String> PASS_OPTIONS = Set.of("seedTimesOutput");
  private static final String INTERNAL_BATCH = "internalBatch";

  /** Method name to the options it takes (besides those of its reverse pass). */
  private static final Map<String, Set<String>> OPTIONS = options();

  /** The method names, without their {@code :ARGUMENT}. */
  public static final List<String> NAMES = List.copyOf(OPTIONS.keySet());

  private Methods() {}

  private static Map<String, Set<String>> options() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("gradient", LRP_OPTIONS);
    m.put("sensitivity", LRP_OPTIONS);
    m.put("gradient-x-input", LRP_OPTIONS);
    m.put("integrated-gradients", union(LRP_OPTIONS, Set.of("integrationSteps", INTERNAL_BATCH)));
    m.put("smoothgrad", union(LRP_OPTIONS, Set.of("noiseSamples", "noiseLevel", "noiseSeed", INTERNAL_BATCH)));
    m.put("deconvnet", PASS_OPTIONS);
    m.put("guided-backprop", PASS_OPTIONS);
    m.put(GRAD_CAM, union(LRP_OPTIONS, Set.of("layer", "relu", "upsample")));
    m.put("occlusion", Set.of("window", "stride", INTERNAL_BATCH));
    m.put(LRP, LRP_OPTIONS);
    return m;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /**
   * The options (names of {@link MethodOptions} components) that method {@code spec} takes.
   *
   * @throws IllegalArgumentException if the method is unknown
   */
  public static Set<String> options(String spec) {
    String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    Set<String> accepted = OPTIONS.get(name);
    if (accepted == null) {
      throw new IllegalArgumentException("unknown method '" + spec + "'; choose one of " + NAMES
          + " (lrp:COMPOSITE, grad-cam:LAYER)");
    }
    return accepted;
  }

  /**
   * The options of {@code given} that apply to method {@code spec}, for several methods sharing one
   * set of options (a command line): its own options, and the options of LRP rules only if it has a
   * composite ({@code lrp}, or any gradient method when a composite is given).
   *
   * @throws IllegalArgumentException if the method is unknown
   */
  public static MethodOptions optionsFor(String spec, MethodOptions given) {
    Set<String> applies = new TreeSet<>(options(spec));
    if (!spec.split(":")[0].equals(LRP) && given.composite() == null) {
      applies.removeAll(RULE_OPTIONS);
    }
    return given.only(applies);
  }

  /**
   * Checks that every option given applies to at least one of {@code specs}
   * ({@link #optionsFor}).
   *
   * @throws IllegalArgumentException naming the first option that applies to none of them
   */
  public static void requireEachApplies(List<String> specs, MethodOptions given) {
    Set<String> unused = new LinkedHashSet<>(given.given());
    for (String spec : specs) {
      unused.removeAll(optionsFor(spec, given).given());
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("option " + MethodOptions.flag(unused.iterator().next())
          + " applies to none of the methods " + specs);
    }
  }

  /**
   * The method {@code spec} configured with {@code options}.
   *
   * @param spec {@code NAME} or {@code NAME:ARGUMENT}, see {@link Methods}
   * @param options the options given; every other option keeps the method's default
   * @param input the shape of the inputs to explain (occlusion sizes its default window from it)
   * @throws IllegalArgumentException naming the method and the choices if it is unknown, lacks its
   *     argument, takes none, or an option does not apply to it
   */
  public static Attributor attributor(String spec, MethodOptions options, Shape input) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    String argument = colon < 0 ? null : spec.substring(colon + 1);
    Set<String> accepted = options(spec);
    if (argument != null && !name.equals(LRP) && !name.equals(GRAD_CAM)) {
      throw new IllegalArgumentException("method '" + spec + "' takes no ':' argument");
    }
    for (String o : options.given()) {
      if (!accepted.contains(o)) {
        throw new IllegalArgumentException("option " + MethodOptions.flag(o) + " does not apply to method " + name);
      }
    }
    return switch (name) {
      case LRP -> Lrp.of(lrpRules(spec, merge(spec, "composite", argument, options.composite(), DEFAULT_COMPOSITE),
          options)).withSeedTimesOutput(options.seedTimesOutput() == null || options.seedTimesOutput());
      case "gradient" -> pass(Gradient.plain(), spec, options);
      case "sensitivity" -> pass(Sensitivity.plain(), spec, options);
      case "gradient-x-input" -> pass(GradientTimesInput.plain(), spec, options);
      case "integrated-gradients" -> pass(integratedGradients(options), spec, options);
      case "smoothgrad" -> pass(smoothGrad(options), spec, options);
      case "deconvnet" -> pass(Gradient.deconvnet(), spec, options);
      case "guided-backprop" -> pass(Gradient.guidedBackprop(), spec, options);
      case GRAD_CAM -> pass(GradCam.of(merge(spec, "layer", argument, options.layer(), null))
          .withRelu(Boolean.TRUE.equals(options.relu())).withUpsampling(Boolean.TRUE.equals(options.upsample())),
          spec, options);
      default -> occlusion(options, input);
    };
  }

  /** The argument after {@code :} or the option of the same meaning; both must agree. */
  private static String merge(String spec, String option, String argument, String given, String fallback) {
    if (argument != null && given != null && !argument.equals(given)) {
      throw new IllegalArgumentException("method '" + spec + "' and " + MethodOptions.flag(option) + " " + given
          + " disagree");
    }
    String v = argument != null ? argument : given != null ? given : fallback;
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("method '" + spec + "' needs a " + option + ": " + spec.split(":")[0]
          + ":" + option.toUpperCase(Locale.ROOT) + " or " + MethodOptions.flag(option));
    }
    return v;
  }

  private static <M extends GradientMethod<M>> M pass(M method, String spec, MethodOptions o) {
    M m = o.seedTimesOutput() == null ? method : method.withSeedTimesOutput(o.seedTimesOutput());
    return o.composite() == null ? requireNoRuleOptions(m, spec, o) : m.withOverrides(lrpRules(spec, o.composite(), o));
  }

  private static <M> M requireNoRuleOptions(M method, String spec, MethodOptions o) {
    for (String rule : RULE_OPTIONS) {
      if (o.given().contains(rule)) {
        throw new IllegalArgumentException("option " + MethodOptions.flag(rule) + " needs an LRP composite ("
            + MethodOptions.flag("composite") + ") for method " + spec);
      }
    }
    return method;
  }

  private static LrpRules lrpRules(String spec, String composite, MethodOptions o) {
    Composite c = Composites.byName(composite, o.low() == null ? null : BoxBound.scalar(o.low()),
        o.high() == null ? null : BoxBound.scalar(o.high()));
    LrpRules rules = LrpRules.of(Boolean.TRUE.equals(o.gradientWhereUncovered()) ? c.withGradientWhereUncovered() : c);
    boolean canonize = o.canonize() == null || o.canonize();
    if (Boolean.TRUE.equals(o.zennitMergedBias())) {
      if (!canonize) {
        throw new IllegalArgumentException(MethodOptions.flag("zennitMergedBias")
            + " needs the canonized graph (drop --no-canonize)");
      }
      rules = rules.withUnmodifiedMergedBias();
    }
    rules = rules.withAttention(attention(o.attention()));
    return canonize ? rules.withCanonizer(Canonizers.standard()) : rules;
  }

  private static StructuralRules.Attention attention(String name) {
    return switch (name == null ? ATTN_LRP : name) {
      case ATTN_LRP -> StructuralRules.Attention.ATTN_LRP;
      case "cp-lrp" -> StructuralRules.Attention.CP_LRP;
      default -> throw new IllegalArgumentException("unknown " + MethodOptions.flag("attention") + " '" + name
          + "'; choose attn-lrp or cp-lrp");
    };
  }

  private static IntegratedGradients integratedGradients(MethodOptions o) {
    IntegratedGradients ig = IntegratedGradients.defaults().withInternalBatch(internalBatch(o));
    return o.integrationSteps() == null ? ig : ig.withSteps(o.integrationSteps());
  }

  /** The {@code internalBatch} option: automatic unless given, at least 1 when given. */
  private static InternalBatch internalBatch(MethodOptions o) {
    Integer rows = o.internalBatch();
    if (rows == null) {
      return InternalBatch.automatic();
    }
    if (rows < 1) {
      throw new IllegalArgumentException(MethodOptions.flag(INTERNAL_BATCH) + " must be at least 1, got " + rows);
    }
    return InternalBatch.of(rows);
  }

  private static SmoothGrad smoothGrad(MethodOptions o) {
    SmoothGrad s = SmoothGrad.defaults().withInternalBatch(internalBatch(o));
    s = o.noiseSamples() == null ? s : s.withSamples(o.noiseSamples());
    s = o.noiseLevel() == null ? s : s.withNoiseLevel(o.noiseLevel());
    return o.noiseSeed() == null ? s : s.withSeed(o.noiseSeed());
  }

  private static Occlusion occlusion(MethodOptions o, Shape input) {
    int[] w = o.window();
    if (w == null) {
      if (input.rank() != IMAGE_RANK) {
        throw new IllegalArgumentException("occlusion on input " + input + " needs " + MethodOptions.flag("window"));
      }
      w = new int[] {input.dim(1), Math.min(OCCLUSION_PATCH, input.dim(2)), Math.min(OCCLUSION_PATCH, input.dim(3))};
    }
    return Occlusion.of(w).withStrides(o.stride() == null ? w : o.stride()).withInternalBatch(internalBatch(o));
  }
}
