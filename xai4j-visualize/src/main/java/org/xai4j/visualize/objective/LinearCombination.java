package org.xai4j.visualize.objective;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** A weighted sum of objectives; nested sums are flattened, so descriptions stay readable. */
final class LinearCombination implements Objective {
  private final List<WeightedTerm> terms;

  private LinearCombination(List<WeightedTerm> terms) {
    this.terms = List.copyOf(terms);
  }

  static LinearCombination of(List<WeightedTerm> terms) {
    List<WeightedTerm> flat = new ArrayList<>();
    for (WeightedTerm t : terms) {
      if (t.objective() instanceof LinearCombination inner) {
        for (WeightedTerm u : inner.terms) {
          flat.add(new WeightedTerm(t.weight() * u.weight(), u.objective()));
        }
      } else {
        flat.add(t);
      }
    }
    return new LinearCombination(flat);
  }

  @Override
  public Set<String> nodes() {
    Set<String> all = new LinkedHashSet<>();
    for (WeightedTerm t : terms) {
      all.addAll(t.objective().nodes());
    }
    return all;
  }

  /** The union over the terms that read the node; empty if one of them may read every channel. */
  @Override
  public Optional<SortedSet<Integer>> channelsRead(String node) {
    SortedSet<Integer> union = new TreeSet<>();
    for (WeightedTerm t : terms) {
      if (t.objective().nodes().contains(node)) {
        Optional<SortedSet<Integer>> read = t.objective().channelsRead(node);
        if (read.isEmpty()) {
          return Optional.empty();
        }
        union.addAll(read.get());
      }
    }
    return union.isEmpty() ? Optional.empty() : Optional.of(union);
  }

  @Override
  public boolean readsImage() {
    return terms.stream().anyMatch(t -> t.objective().readsImage());
  }

  @Override
  public ObjectiveValue evaluate(Activations activations) {
    GradientSum sum = new GradientSum(activations.batch());
    for (WeightedTerm t : terms) {
      sum.add(t.weight(), t.objective().evaluate(activations));
    }
    return sum.result();
  }

  @Override
  public String description() {
    StringBuilder sb = new StringBuilder();
    for (WeightedTerm t : terms) {
      double w = t.weight();
      String body = t.objective().description();
      if (sb.length() == 0) {
        sb.append(w == 1 ? "" : w == -1 ? "-" : format(w) + " * ").append(body);
      } else {
        sb.append(w < 0 ? " - " : " + ").append(Math.abs(w) == 1 ? "" : format(Math.abs(w)) + " * ").append(body);
      }
    }
    return sb.toString();
  }

  private static String format(double w) {
    return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : Double.toString(w);
  }

  @Override
  public String toString() {
    return description();
  }
}
