package org.xai4j.visualize.objective;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * One unit: channel {@code channel} of {@code node} at row {@code y}, column {@code x}; for a
 * {@code [N, C]} node (a dense layer, logits) the unit {@code channel}. Per item the unit's value;
 * over the batch their mean.
 *
 * <p>The default position is the centre, {@code (H / 2, W / 2)} rounded down, as Lucid and Lucent
 * (for even sizes the lower right of the central four).
 *
 * @param node the node read
 * @param channel the channel (or unit) index
 * @param y the row, or {@code null} for the centre
 * @param x the column, or {@code null} for the centre
 * @param name how {@link #description()} calls it ({@code neuron}, {@code class_logit})
 */
record Neuron(String node, int channel, Integer y, Integer x, String name) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    Layout l = Layout.of(node, t, this);
    l.requireChannel(channel, node, this);
    int row = Position.resolve(y, l.height(), "row", node, this);
    int col = Position.resolve(x, l.width(), "column", node, this);
    float[] d = INTERNALS.array(t);
    float[] g = new float[d.length];
    double[] perItem = new double[l.batch()];
    double sum = 0;
    for (int n = 0; n < l.batch(); n++) {
      int i = n * l.perItem() + channel * l.area() + row * l.width() + col;
      perItem[n] = d[i];
      sum += d[i];
      g[i] = 1f / l.batch();
    }
    return new ObjectiveValue(sum / l.batch(), perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  @Override
  public Optional<SortedSet<Integer>> channelsRead(String read) {
    return read.equals(node) ? Optional.of(new TreeSet<>(Set.of(channel))) : Optional.empty();
  }

  @Override
  public String description() {
    return name + "(" + node + ", " + channel + (y == null && x == null ? "" : ", " + y + ", " + x) + ")";
  }
}
