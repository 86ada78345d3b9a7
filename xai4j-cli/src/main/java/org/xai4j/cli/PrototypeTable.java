package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.report.html.Table;
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
  static Table of(String title, List<MethodResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodResult r : results) {
      rows.add(List.of(r.method().id(), Table.fraction(r.meanTargetProbability()),
          Table.fraction(r.minTargetProbability()), Table.number(r.meanDataDistance()),
          r.meanLogLikelihood().map(Table::number).orElse(Table.NOT_AVAILABLE),
          r.fit().map(f -> Table.number(f.heldOutLogLikelihood())).orElse(Table.NOT_AVAILABLE),
          String.format(Locale.ROOT, "%.1f", r.seconds())));
    }
    return new Table(title, HEADERS, rows);
  }
}
