package org.xai4j.visualize.prototype;

import org.xai4j.train.TrainingListener;
import org.xai4j.visualize.render.AscentListener;

/** Where {@link PrototypeRunner} reports progress: one listener per expert fit and per ascent. */
public interface PrototypeProgress {
  /** A listener for fitting an expert, e.g. a progress bar named {@code task}. */
  TrainingListener fitting(String task);

  /** A listener for one method's ascent of {@code steps} steps. */
  AscentListener ascent(String task, int steps);

  /** Reports nothing. */
  static PrototypeProgress silent() {
    return new PrototypeProgress() {
      @Override
      public TrainingListener fitting(String task) {
        return TrainingListener.silent();
      }

      @Override
      public AscentListener ascent(String task, int steps) {
        return AscentListener.none();
      }
    };
  }
}
