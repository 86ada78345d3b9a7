package org.xai4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class GraphChainTest {
  /** A decoder from [N, 3] codes to [N, 1, 2, 2] images; its nodes are named like the classifier's. */
  private static Graph decoder() {
    GraphBuilder b = Graph.builder().seed(1);
    String z = b.input("input", -1, 3);
    String h = b.relu("relu", b.linear("fc", z, 3, 4));
    return b.output(b.add("image", org.xai4j.op.Reshape.of(-1, 1, 2, 2), h)).build();
  }

  /** A classifier of [N, 1, 2, 2] images. */
  private static Graph classifier() {
    GraphBuilder b = Graph.builder().seed(2);
    String x = b.input("input", -1, 1, 2, 2);
    String h = b.relu("relu", b.linear("fc", b.add("flat", new Flatten(1), x), 4, 5));
    return b.output(b.linear("logits", h, 5, 2)).build();
  }

  @Test
  void theChainComputesTheSecondGraphOfTheFirstAndOneReversePassReachesTheCode() {
    Graph composed = GraphChain.of(decoder(), classifier(), "d/", "c/");
    Tensor z = Tensor.randomNormal(Shape.of(4, 3), 1f, new Random(3));
    Tensor image = decoder().forward(z).output();
    Trace expected = classifier().forward(image);
    Trace got = composed.forward(z);
    assertEquals(List.of("c/logits"), composed.outputs());
    assertArrayEquals(expected.output().toArray(), got.output().toArray());
    Tensor seed = Tensor.randomNormal(got.output().shape(), 1f, new Random(4));
    Tensor imageGradient = Backprop.gradient(expected, Map.of("logits", seed)).atInput();
    Tensor chained = Backprop.gradient(decoder().forward(z), Map.of("image", imageGradient)).atInput();
    Tensor once = Backprop.gradient(got, Map.of("c/logits", seed)).at("d/input");
    assertArrayEquals(chained.toArray(), once.toArray(), 1e-6f);
  }

  @Test
  void aFlatOutputIsReshapedToTheSecondGraphsInput() {
    GraphBuilder b = Graph.builder().seed(5);
    Graph flat = b.output(b.linear("fc", b.input("code", -1, 3), 3, 4)).build();
    Graph composed = GraphChain.of(flat, classifier(), "d/", "c/");
    assertEquals("c/" + GraphChain.RESHAPE, composed.node("c/flat").inputs().get(0));
    Tensor z = Tensor.randomNormal(Shape.of(2, 3), 1f, new Random(6));
    Tensor direct = classifier().forward(flat.forward(z).output().reshape(2, 1, 2, 2)).output();
    assertArrayEquals(direct.toArray(), composed.forward(z).output().toArray());
  }

  @Test
  void rejectsOutputsOfAnotherSizeNamingBothShapes() {
    GraphBuilder b = Graph.builder().seed(5);
    Graph wide = b.output(b.linear("fc", b.input("code", -1, 3), 3, 5)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphChain.of(wide, classifier(), "d/", "c/"));
    assertEquals("the first graph's output 'fc' has shape [1, 5] at batch 1, the second graph's input 'input' expects "
        + "[1, 1, 2, 2]", e.getMessage());
  }
}
