package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.lrp.InitialRelevance;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class LrpCommandTest extends CliTestSupport {

  @Test
  void writesTheSameRelevanceAsTheLibraryAndPerLayerSums(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(2, 4), 1f, new Random(9));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    Path json = dir.resolve("layers.json");
    assertEquals(0, run("lrp", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--composite", "epsilon-alpha2-beta1-flat", "--target", "2,0", "--per-layer", json.toString(), "--rules"), err.toString());
    Tensor expected = Lrp.of(mlp(), Composites.epsilonAlpha2Beta1Flat()).explain(x, 2, 0).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
    String layers = Files.readString(json);
    assertTrue(layers.contains("\"targets\": [2, 0]"), layers);
    assertTrue(layers.contains("{\"value\": \"fc2\", \"op\": \"Gemm\", \"sums\": ["), layers);
    assertTrue(out.toString().contains("fc1"), out.toString());
    assertTrue(out.toString().contains("Flat"), out.toString());
  }

  @Test
  void oneHotSeedAndDefaultArgmaxTarget(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(3, 4), 1f, new Random(4));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("lrp", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--composite", "deep-taylor", "--one-hot"), err.toString());
    int[] argmax = mlp().forward(x).output().argmaxRows();
    Tensor expected = Lrp.of(mlp(), Composites.deepTaylor()).explain(x, InitialRelevance.oneHot(argmax)).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
  }

  @Test
  void unknownCompositeFailsListingTheNames(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.zeros(Shape.of(1, 4)));
    assertEquals(1, run("lrp", "--model", model.toString(), "--input", in.toString(), "--out",
        dir.resolve("r.npy").toString(), "--composite", "nope"));
    assertTrue(err.toString().contains("unknown composite 'nope'; choose one of [epsilon-plus-flat"), err.toString());
  }

  @Test
  void explainWithMethodLrpUsesTheNamedComposite(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(2));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method", "lrp",
        "--composite", "deep-taylor", "--low", "-3", "--high", "3", "--target", "1", "--out", rel.toString(),
        "--per-layer", dir.resolve("layers.json").toString()), err.toString());
    assertTrue(Files.readString(dir.resolve("layers.json")).contains("\"targets\": [1]"));
    Tensor expected = Lrp.of(mlp(), Composites.deepTaylor(
        org.xai4j.explain.lrp.BoxBound.scalar(-3f), org.xai4j.explain.lrp.BoxBound.scalar(3f))).explain(x, 1).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
  }
}
