package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class OnnxCommandsTest extends CliTestSupport {
  @Test
  void inspectPrintsShapesOpsParametersAndNodes(@TempDir Path dir) throws IOException {
    Path file = writeModel(dir, "mlp.onnx", mlp());
    assertEquals(0, run("inspect", "--model", file.toString()), err.toString());
    String s = out.toString();
    assertTrue(s.contains("model: mlp.onnx (opset " + OnnxExporter.OPSET + ", producer xai4j"), s);
    assertTrue(s.contains("inputs:\n  input[?, 4]\n"), s);
    assertTrue(s.contains("outputs (batch 1):\n  fc2 [1, 3]\n"), s);
    assertTrue(s.contains("ops: Gemm 2, Relu 1\n"), s);
    assertTrue(s.contains("parameters: 67\n"), s); // 4*8 + 8 + 8*3 + 3
    assertTrue(s.contains("  relu1 = Relu[fc1] -> [1, 8]\n"), s);
    assertTrue(s.contains("unsupported ops: none"), s);
  }

  @Test
  void inspectListsUnsupportedOps(@TempDir Path dir) throws IOException {
    ModelProto m = ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
        .setGraph(GraphProto.newBuilder()
            .addNode(NodeProto.newBuilder().setOpType("Foo").setName("f1").addInput("x").addOutput("y"))
            .addNode(NodeProto.newBuilder().setOpType("Relu").setName("r").addInput("y").addOutput("z"))).build();
    Path file = dir.resolve("foo.onnx");
    Files.write(file, m.toByteArray());
    assertEquals(Failures.BAD_INPUT, run("inspect", "--model", file.toString()));
    assertTrue(out.toString().contains("ops: Foo 1, Relu 1\nunsupported ops:\n  Foo (nodes f1)\n"), out.toString());
  }

  @Test
  void runWritesTheOutputOrAnyNode(@TempDir Path dir) throws IOException {
    Graph g = mlp();
    Path model = writeModel(dir, "mlp.onnx", g);
    Tensor x = Tensor.randomNormal(Shape.of(5, 4), 1f, new Random(1));
    Path in = writeNpy(dir, "x.npy", x);
    Path y = dir.resolve("y.npy");
    assertEquals(0, run("run", "--model", model.toString(), "--input", in.toString(), "--out", y.toString()), err.toString());
    assertArrayEquals(g.forward(x).output().toArray(), Npy.read(y).toArray());
    Path h = dir.resolve("h.npy");
    assertEquals(0, run("run", "--model", model.toString(), "--input", in.toString(), "--out", h.toString(),
        "--output", "relu1"));
    Tensor hidden = Npy.read(h);
    assertEquals(Shape.of(5, 8), hidden.shape());
    assertArrayEquals(g.forward(x).get("relu1").toArray(), hidden.toArray());
  }

  @Test
  void runFailsWithOneLineAndNoOutputFile(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.zeros(Shape.of(1, 5)));
    Path y = dir.resolve("y.npy");
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", in.toString(), "--out", y.toString()));
    assertEquals("graph input 'input' expects shape input[?, 4], got [1, 5]", err.toString().strip());
    assertTrue(Files.notExists(y));
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", in.toString(), "--out", y.toString(),
        "--output", "nope"));
    assertEquals("--output: no value named 'nope' in mlp.onnx; outputs are [fc2]", err.toString().strip());
  }
}
