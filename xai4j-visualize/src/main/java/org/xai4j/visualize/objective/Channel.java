package org.xai4j.visualize.objective;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The spatial mean of one channel (Lucid's and Lucent's {@code channel}): per item the mean of
 * {@code node[n, channel, :, :]}, over the batch their mean.
 *
 * @param node the node read
 * @param channel the channel index
 */
record Channel(String node, int channel) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    Layout l = Layout.of(node, t, this);
    l.requireChannel(channel, node, this);
    float[] d = INTERNALS.array(t);
    float[] g = new float[d.length];
    float share = 1f / ((float) l.batch() * l.area());
    double[] perItem = new double[l.batch()];
    double total = 0;
    for (int n = 0; n < l.batch(); n++) {
      int start = n * l.perItem() + channel * l.area();
      double s = 0;
      for (int i = start; i < start + l.area(); i++) {
        s += d[i];
        g[i] = share;
      }
      perItem[n] = s / l.area();
      total += perItem[n];
    }
    return new ObjectiveValue(total / l.batch(), perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  @Override
  public Optional<SortedSet<Integer>> channelsRead(String read) {
    return read.equals(node) ? Optional.of(new TreeSet<>(Set.of(channel))) : Optional.empty();
  }

  @Override
  public String description() {
    return "channel(" + node + ", " + channel + ")";
  }
}
