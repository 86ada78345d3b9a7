package org.xai4j.explain.attribution;

import org.xai4j.explain.Attributor;
import org.xai4j.explain.Overrides;

/**
 * A method built on the reverse pass: it takes per-node {@link Overrides} and the
 * seed-times-output flag of its {@link ReversePass}.
 *
 * @param <M> the method's own type
 */
public interface GradientMethod<M extends GradientMethod<M>> extends Attributor {
  /** The reverse pass this method runs. */
  ReversePass pass();

  /** This method with another reverse pass. */
  M withPass(ReversePass pass);

  /** This method with other per-node overrides (for example {@code LrpRules.of(composite)}). */
  default M withOverrides(Overrides overrides) {
    return withPass(pass().withOverrides(overrides));
  }

  /** This method with the seed multiplied by the target value, or not (see {@link ReversePass}). */
  default M withSeedTimesOutput(boolean on) {
    return withPass(pass().withSeedTimesOutput(on));
  }
}
