package org.xai4j.visualize.render;

/**
 * Told about every step of a {@link GradientAscent} run, on the thread that runs it (for a
 * progress bar or a live log). A listener must not block for long: the run waits for it.
 */
@FunctionalInterface
public interface AscentListener {
  /** Called after each update. */
  void onStep(AscentProgress progress);

  /** A listener that ignores every step. */
  static AscentListener none() {
    return p -> {};
  }
}
