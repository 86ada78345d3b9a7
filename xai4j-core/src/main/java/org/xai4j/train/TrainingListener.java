package org.xai4j.train;

/** Receives the progress of a training run (for example to draw a console progress bar). */
public interface TrainingListener {
  /** Called once before the first update. */
  default void started(int epochs, int stepsPerEpoch) {}

  /** Called after every update. */
  default void stepped(Progress progress) {}

  /** Called once after the last update (also when training fails). */
  default void finished() {}

  /** A listener that ignores everything. */
  static TrainingListener silent() {
    return new TrainingListener() {};
  }
}
