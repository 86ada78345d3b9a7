package org.xai4j.visualize.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * An objective applied to one batch item: it is evaluated on that item's slice of every value it
 * reads (a batch of one), and its gradients are placed back at that item, zero elsewhere.
 */
record ForItem(Objective inner, int item) implements Objective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  ForItem {
    if (item < 0) {
      throw new IllegalArgumentException("batch item must be >= 0, got " + item);
    }
  }

  @Override
  public Set<String> nodes() {
    return inner.nodes();
  }

  @Override
  public Optional<SortedSet<Integer>> channelsRead(String node) {
    return inner.channelsRead(node);
  }

  @Override
  public boolean readsImage() {
    return inner.readsImage();
  }

  @Override
  public ObjectiveValue evaluate(Activations a) {
    if (item >= a.batch()) {
      throw new IllegalArgumentException(description() + ": batch item " + item + " does not exist in a batch of " + a.batch());
    }
    Map<String, Tensor> sliced = new LinkedHashMap<>();
    for (String n : inner.nodes()) {
      sliced.put(n, a.node(n).slice0(item, item + 1));
    }
    Tensor image = a.image() == null ? null : a.image().slice0(item, item + 1);
    ObjectiveValue v = inner.evaluate(new Activations(sliced, image, 1));
    Map<String, Tensor> grads = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : v.nodeGradients().entrySet()) {
      grads.put(e.getKey(), embed(e.getValue(), a.node(e.getKey()), a.batch()));
    }
    Tensor imageGrad = v.imageGradient() == null ? null : embed(v.imageGradient(), a.image(), a.batch());
    double[] perItem = new double[a.batch()];
    perItem[item] = v.perItem()[0];
    return new ObjectiveValue(v.value(), perItem, grads, imageGrad);
  }

  private Tensor embed(Tensor itemGradient, Tensor full, int batch) {
    float[] out = new float[full.size()];
    int per = full.size() / batch;
    System.arraycopy(INTERNALS.array(itemGradient), 0, out, item * per, per);
    return INTERNALS.adopt(full.shape(), out);
  }

  @Override
  public String description() {
    return inner.description() + "[item " + item + "]";
  }

  @Override
  public String toString() {
    return description();
  }
}
