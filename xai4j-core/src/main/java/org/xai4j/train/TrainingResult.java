package org.xai4j.train;

import java.util.List;
import org.xai4j.graph.Graph;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param model the trained graph
 * @param epochs the training loss and accuracy at the end of each epoch
 */
public record TrainingResult(Graph model, List<Progress> epochs) {
  /** Copies the history. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** The statistics of the last epoch. */
  public Progress last() {
    return epochs.get(epochs.size() - 1);
  }
}
