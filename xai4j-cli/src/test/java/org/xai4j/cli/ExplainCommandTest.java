package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Init;
import org.xai4j.io.Npy;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.op.MaxPool;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ExplainCommandTest extends CliTestSupport {
  /** [N, 3, 8, 8] -> conv "conv" (4 filters, 3x3, pad 1) -> relu -> maxpool 2 -> flatten -> fc (64 -> 5). */
  private static Graph convNet() {
    GraphBuilder b = Graph.builder().seed(4);
    Tensor w = Init.kaimingUniform(Shape.of(4, 3, 3, 3), 27, new Random(5));
    String x = b.input("input", -1, 3, 8, 8);
    String c = b.add("conv", new Conv(w, Tensor.zeros(Shape.of(4)), null, List.of(1, 1, 1, 1), null, 1), x);
    String p = b.add("pool", MaxPool.square(2, 2, 0), b.relu("relu", c));
    return b.output(b.linear("fc", b.add("flat", new Flatten(1), p), 64, 5)).build();
  }

  @Test
  void gradientFromNpyToNpyExplainsTheArgmax(@TempDir Path dir) throws IOException {
    Graph g = mlp();
    Path model = writeModel(dir, "mlp.onnx", g);
    Tensor x = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(1));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method", "gradient",
        "--out", rel.toString()), err.toString());
    int argmax = g.forward(x).output().argmaxRows()[0];
    assertTrue(out.toString().contains("target: " + argmax + " (logit"), out.toString());
    assertArrayEquals(Gradient.plain().prepare(g).explain(x, Target.argmax()).relevance().toArray(),
        Npy.read(rel).toArray(), 1e-6f);
  }

  @Test
  void integratedGradientsWithTargetAndSteps(@TempDir Path dir) throws IOException {
    Graph g = mlp();
    Path model = writeModel(dir, "mlp.onnx", g);
    Tensor x = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(2));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("ig.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method",
        "integrated-gradients", "--target", "1", "--integration-steps", "10", "--out", rel.toString()), err.toString());
    assertArrayEquals(IntegratedGradients.defaults().withSteps(10).prepare(g).explain(x, Target.classes(1)).relevance()
        .toArray(), Npy.read(rel).toArray(), 1e-6f);
    Path onePerPass = dir.resolve("ig1.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method",
        "integrated-gradients", "--target", "1", "--integration-steps", "10", "--internal-batch", "1", "--out",
        onePerPass.toString()), err.toString());
    assertArrayEquals(Npy.read(rel).toArray(), Npy.read(onePerPass).toArray(), 1e-6f);
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(), "--method",
        "gradient", "--internal-batch", "4", "--out", dir.resolve("g.npy").toString()));
    assertTrue(err.toString().contains("option --internal-batch does not apply to method gradient"), err.toString());
  }

  @Test
  void gradCamAndOcclusionFromAnImageToHeatmapPngs(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "cnn.onnx", convNet());
    BufferedImage img = new BufferedImage(10, 8, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(6);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 10; x++) {
        img.setRGB(x, y, r.nextInt(1 << 24));
      }
    }
    Path png = dir.resolve("in.png");
    ImageIO.write(img, "png", png.toFile());
    Path cam = dir.resolve("cam.png");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", png.toString(), "--crop", "8",
        "--mean", "0.5,0.5,0.5", "--std", "0.25,0.25,0.25", "--method", "grad-cam", "--layer", "pool",
        "--relu", "--upsample", "--cmap", "coldnhot", "--overlay", "0.5", "--scale", "1", "--out", cam.toString()),
        err.toString());
    BufferedImage heat = ImageIO.read(cam.toFile());
    assertEquals(8, heat.getWidth());
    assertEquals(8, heat.getHeight());
    Path occ = dir.resolve("occ.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", png.toString(), "--crop", "8",
        "--method", "occlusion", "--window", "3,4,4", "--stride", "3,2,2", "--out", occ.toString()), err.toString());
    assertEquals(Shape.of(1, 3, 8, 8), Npy.read(occ).shape());
    Tensor x = new ImageInput(0, 8, new float[3], new float[] {1, 1, 1}).read(png);
    assertEquals(x.shape(), Npy.read(occ).shape());
  }

  @Test
  void aGradCamMapAtItsLayersResolutionRendersInWholeBlocksAndOverlaysTheInput(@TempDir Path dir) throws IOException {
    // mnist-cnn's relu2 is 14x14: without --upsample the map keeps that resolution and is drawn as 16x16 blocks
    Path cam = dir.resolve("cam.png");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "3", "--method",
        "grad-cam:relu2", "--out", cam.toString()), err.toString());
    assertTrue(out.toString().contains("wrote:  " + cam + " (224x224 px, 14x14 relevance map)"), out.toString());
    Tensor x = BundledData.MNIST.sample(3);
    Attribution a = GradCam.of("relu2").prepare(BundledModelFiles.load("mnist-cnn")).explain(x, Target.argmax());
    BufferedImage small = Heatmaps.render(Heatmaps.map(a, 0), ColorMap.named("bwr"), Scaling.SYMMETRIC,
        Heatmaps.DEFAULT_LEVEL);
    assertEquals(14, small.getWidth());
    BufferedImage png = ImageIO.read(cam.toFile());
    assertEquals(224, png.getWidth());
    for (int y = 0; y < 224; y++) {
      for (int px = 0; px < 224; px++) {
        assertEquals(small.getRGB(px / 16, y / 16), png.getRGB(px, y), px + "," + y);
      }
    }
    // over the 28x28 input the map is drawn as 2x2 blocks, the blend then enlarged 8 times
    Path over = dir.resolve("over.png");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "3", "--method",
        "grad-cam:relu2", "--overlay", "0.5", "--out", over.toString()), err.toString());
    BufferedImage blend = Heatmaps.overlay(Heatmaps.enlarge(small, 2), Heatmaps.image(x.reshape(1, 28, 28)), 0.5);
    BufferedImage overPng = ImageIO.read(over.toFile());
    assertEquals(224, overPng.getWidth());
    for (int y = 0; y < 28; y++) {
      for (int px = 0; px < 28; px++) {
        assertEquals(blend.getRGB(px, y), overPng.getRGB(px * 8 + 3, y * 8 + 5), px + "," + y);
      }
    }
  }

  @Test
  void anOverlayOfAMapThatDoesNotTileTheInputIsRefusedBeforeTheExplanation(@TempDir Path dir) throws IOException {
    // a 3x3 convolution without padding maps 8x8 to 6x6, which does not tile 8x8 by whole blocks
    GraphBuilder b = Graph.builder().seed(4);
    Tensor w = Init.kaimingUniform(Shape.of(2, 3, 3, 3), 27, new Random(5));
    String c = b.add("conv", new Conv(w, Tensor.zeros(Shape.of(2)), null, List.of(0, 0, 0, 0), null, 1),
        b.input("input", -1, 3, 8, 8));
    Graph g = b.output(b.linear("fc", b.add("flat", new Flatten(1), b.relu("relu", c)), 72, 2)).build();
    Path model = writeModel(dir, "valid.onnx", g);
    Path in = writeNpy(dir, "x.npy", Tensor.randomUniform(Shape.of(1, 3, 8, 8), 0, 1, new Random(1)));
    Path over = dir.resolve("over.png");
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(), "--method",
        "grad-cam:relu", "--overlay", "0.5", "--out", over.toString()));
    assertEquals("--overlay: grad-cam:relu gives relu's 6x6 map, which does not tile the 8x8 input by whole blocks; "
        + "add --upsample to resize it to the input", err.toString().strip());
    assertEquals("", out.toString(), "refused before anything is explained or printed");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method",
        "grad-cam:relu", "--upsample", "--overlay", "0.5", "--scale", "1", "--out", over.toString()), err.toString());
    assertEquals(8, ImageIO.read(over.toFile()).getWidth());
  }

  @Test
  void aBatchPrintsEverySampleAndWritesOneEnlargedHeatmapPerSample(@TempDir Path dir) throws IOException {
    Path heat = dir.resolve("heat.png");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "3,4,5", "--method",
        "gradient-x-input", "--out", heat.toString()), err.toString());
    Tensor x = BundledData.MNIST.sample(3, 4, 5);
    Attribution a = GradientTimesInput.plain().prepare(BundledModelFiles.load("mnist-cnn")).explain(x,
        Target.argmax());
    int[] targets = Target.Argmax.argmaxPerSample(a.output());
    String s = out.toString();
    for (int n = 0; n < 3; n++) {
      String line = String.format("target[%d]: %d (logit %.6g), relevance sum %.6g%n", n, targets[n],
          a.output().get(n, targets[n]), a.relevance().slice0(n, n + 1).sum());
      assertTrue(s.contains(line), line + " in\n" + s);
      BufferedImage png = ImageIO.read(dir.resolve("heat-" + n + ".png").toFile());
      assertEquals(224, png.getWidth(), "28 px enlarged 8 times");
      assertEquals(224, png.getHeight());
      // the enlarged heatmap is the 28 x 28 one drawn as 8 x 8 blocks
      BufferedImage small = Heatmaps.render(Heatmaps.map(a, n), ColorMap.named("bwr"), Scaling.SYMMETRIC,
          Heatmaps.DEFAULT_LEVEL);
      assertEquals(small.getRGB(13, 20), png.getRGB(13 * 8 + 7, 20 * 8));
    }
    assertFalse(Files.exists(heat), "a batch writes numbered files only");
    assertTrue(s.contains("time:   ") && s.contains("s to explain 3 samples in one batch ("), s);
    assertTrue(s.contains("wrote:  " + dir.resolve("heat-0.png") + " ... " + dir.resolve("heat-2.png")
        + " (224x224 px, 28x28 relevance map, one file per sample)"), s);

    byte[] before = Files.readAllBytes(dir.resolve("heat-1.png"));
    Files.delete(dir.resolve("heat-0.png"));
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "6,7,8",
        "--method", "gradient", "--out", heat.toString()));
    assertTrue(err.toString().contains("--out " + dir.resolve("heat-1.png") + " exists; pass --force to replace it"),
        err.toString());
    assertFalse(Files.exists(dir.resolve("heat-0.png")), "nothing is written when one file is refused");
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("heat-1.png")));
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "6,7,8", "--method",
        "gradient", "--scale", "1", "--force", "--out", heat.toString()), err.toString());
    assertEquals(28, ImageIO.read(dir.resolve("heat-2.png").toFile()).getWidth());
  }

  @Test
  void aBatchAsNpyIsOneFileAndScaleNeedsAPng(@TempDir Path dir) throws IOException {
    Path r = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "0,1", "--method", "gradient",
        "--out", r.toString()), err.toString());
    assertEquals(Shape.of(2, 1, 28, 28), Npy.read(r).shape());
    assertTrue(out.toString().contains("wrote:  " + r + " [2, 1, 28, 28]"), out.toString());
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--method", "gradient",
        "--scale", "4", "--out", dir.resolve("r2.npy").toString()));
    assertTrue(err.toString().contains("--scale applies to a .png --out only"), err.toString());
    for (String[] pngOnly : new String[][] {{"--cmap", "gray"}, {"--min-max"}, {"--overlay", "0.5"}}) {
      err.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of("explain", "--model", "mnist-cnn", "--data", "mnist",
          "--method", "gradient", "--out", dir.resolve("r3.npy").toString()));
      args.addAll(List.of(pngOnly));
      assertEquals(Failures.BAD_INPUT, run(args.toArray(String[]::new)));
      assertEquals(pngOnly[0] + " applies to a .png --out only, got " + dir.resolve("r3.npy"), err.toString().strip());
    }
    assertFalse(Files.exists(dir.resolve("r3.npy")));
  }

  @Test
  void errorsAreOneLine(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.zeros(Shape.of(1, 4)));
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(), "--method", "lime",
        "--out", dir.resolve("o.npy").toString()));
    assertEquals("unknown method 'lime'; choose one of [gradient, sensitivity, gradient-x-input, "
        + "integrated-gradients, smoothgrad, deconvnet, guided-backprop, grad-cam, occlusion, lrp] "
        + "(lrp:COMPOSITE, grad-cam:LAYER)\n", err.toString());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(), "--method", "grad-cam",
        "--out", dir.resolve("o.npy").toString()));
    assertEquals("method 'grad-cam' needs a layer: grad-cam:LAYER or --layer\n", err.toString());
  }
}
