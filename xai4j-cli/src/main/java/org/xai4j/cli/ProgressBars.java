package org.xai4j.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The console progress bars of the commands (me.tongfei:progressbar): one look, redrawn 4 times a second. */
final class ProgressBars {
  private static final int UPDATE_MILLIS = 250;

  private ProgressBars() {}

  /** A bar for {@code max} units of {@code task}, drawn on {@code stream} (standard error, so results stay clean). */
  static ProgressBar start(String task, long max, PrintStream stream) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(UPDATE_MILLIS).setConsumer(new ConsoleProgressBarConsumer(stream)).build();
  }
}
