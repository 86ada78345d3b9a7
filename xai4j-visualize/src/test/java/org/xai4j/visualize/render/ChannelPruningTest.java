package org.xai4j.visualize.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Conv;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;

class ChannelPruningTest {
  /** conv1-relu1-pool1, conv2-bn2-relu2 (12 channels), global pool, dense. */
  private static Graph cnn() {
    GraphBuilder b = Graph.builder().seed(4);
    String x = b.input("image", -1, 3, 16, 16);
    String h = b.maxPool2d("pool1", b.relu("relu1", b.conv2d("conv1", x, 3, 8, 3, 1, 1)), 2, 2, 0);
    String h2 = b.relu("relu2", b.batchNorm("bn2", b.conv2d("conv2", h, 8, 12, 3, 1, 1), 12));
    return b.output(b.linear("logits", b.add("flat", new org.xai4j.op.Flatten(1), b.globalAvgPool("gap", h2)), 12, 5))
        .build();
  }

  @Test
  void channelObjectivesComputeOnlyTheirFiltersWithTheSameValuesAndInputGradient() {
    Graph g = cnn();
    Objective o = Objectives.channel("relu2", 7).plus(Objectives.neuron("relu2", 2).forItem(1));
    Graph pruned = ChannelPruning.apply(g, o);
    ChannelSubsetConv conv = assertInstanceOf(ChannelSubsetConv.class, pruned.node("conv2").op());
    assertArrayEquals(new int[] {2, 7}, conv.channels());
    assertEquals(Shape.of(2, 8, 3, 3), conv.subset().weight().shape());
    assertSame(g.node("conv1").op(), pruned.node("conv1").op());

    Tensor x = Tensor.randomNormal(Shape.of(2, 3, 16, 16), 1f, new Random(5));
    ModelReadout.Reading full = ModelReadout.of(g, List.of("relu2")).read(x);
    ModelReadout.Reading part = ModelReadout.of(pruned, List.of("relu2")).read(x);
    Tensor a = full.activation("relu2");
    Tensor b = part.activation("relu2");
    for (int n = 0; n < 2; n++) {
      for (int c : new int[] {2, 7}) {
        for (int i = 0; i < 64; i++) {
          int at = (n * 12 + c) * 64 + i;
          assertEquals(a.getFlat(at), b.getFlat(at), 1e-6f, "item " + n + " channel " + c);
        }
      }
    }
    Tensor seed = o.evaluate(new org.xai4j.visualize.objective.Activations(Map.of("relu2", a), x, 2))
        .nodeGradients().get("relu2");
    assertArrayEquals(full.inputGradient(Map.of("relu2", seed)).toArray(),
        part.inputGradient(Map.of("relu2", seed)).toArray(), 1e-6f, "input gradient");
  }

  @Test
  void noRewriteWhereAllChannelsOrTheChainAreNeededElsewhere() {
    Graph g = cnn();
    assertSame(g, ChannelPruning.apply(g, Objectives.deepDream("relu2")));
    assertSame(g, ChannelPruning.apply(g, Objectives.channel("relu2", 1).plus(Objectives.deepDream("bn2"))));
    assertSame(g, ChannelPruning.apply(g, Objectives.channel("relu2", 1).plus(Objectives.classLogit("logits", 0))));
    assertSame(g, ChannelPruning.apply(g, Objectives.channel("pool1", 1)), "max pooling is not channel-wise here");
    Graph conv1 = ChannelPruning.apply(g, Objectives.channel("relu1", 3));
    assertInstanceOf(ChannelSubsetConv.class, conv1.node("conv1").op());
    assertInstanceOf(Conv.class, conv1.node("conv2").op());
  }
}
