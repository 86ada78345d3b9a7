package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.visualize.prototype.MethodResult;

/**
 * The quality table of class prototypes: one row per method, its measures averaged over the
 * classes (mean and smallest target probability, mean distance to the 5 nearest training images,
 * mean expert log-likelihood at the prototypes, the expert's held-out log-likelihood per image) and
 * the method's seconds, expert fitting included. Printed by {@code xai4j prototype} and shown in
 * the demo report.
 */
final class PrototypeTable {
  private static final List<String> HEADERS = List.of("method", "p(target)", "min p(target)", "data distance",
      "log p(prototype)", "held-out log p", "seconds");

  private PrototypeTable() {}

  /** The table of these results. */
  static DemoTable of(String title, List<MethodResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodResult r : results) {
      rows.add(List.of(r.method().id(), DemoTable.fraction(r.meanTargetProbability()),
          DemoTable.fraction(r.minTargetProbability()), DemoTable.number(r.meanDataDistance()),
          r.meanLogLikelihood().map(DemoTable::number).orElse(DemoTable.NOT_AVAILABLE),
          r.fit().map(f -> DemoTable.number(f.heldOutLogLikelihood())).orElse(DemoTable.NOT_AVAILABLE),
          String.format(Locale.ROOT, "%.1f", r.seconds())));
    }
    return new DemoTable(title, HEADERS, rows);
  }
}
