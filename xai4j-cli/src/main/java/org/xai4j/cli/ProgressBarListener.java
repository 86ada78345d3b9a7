package org.xai4j.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.xai4j.train.Progress;
import org.xai4j.train.TrainingListener;

/**
 * Draws a training run as a console progress bar (me.tongfei:progressbar) with the epoch, the
 * running training loss and, for classifiers, the running training accuracy.
 */
final class ProgressBarListener implements TrainingListener {
  private static final double PERCENT = 100;

  private final String task;
  private final PrintStream stream;
  private ProgressBar bar;

  ProgressBarListener(String task, PrintStream stream) {
    this.task = task;
    this.stream = stream;
  }

  @Override
  public void started(int epochs, int stepsPerEpoch) {
    bar = ProgressBars.start(task, (long) epochs * stepsPerEpoch, stream);
  }

  @Override
  public void stepped(Progress p) {
    bar.stepTo(p.totalSteps());
    String accuracy = Double.isNaN(p.accuracy()) ? "" : String.format(" acc %.2f%%", PERCENT * p.accuracy());
    bar.setExtraMessage(String.format("epoch %d/%d loss %.4f%s", p.epoch(), p.epochs(), p.loss(), accuracy));
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
