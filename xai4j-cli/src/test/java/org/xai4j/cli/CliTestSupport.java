package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine;

/**
 * Scaffolding shared by the CLI command tests: runs {@link Main} in-process with captured standard
 * output and error, a small model, and writers for model and tensor files.
 */
abstract class CliTestSupport {
  /** Everything the commands run so far printed to standard output. */
  protected final StringWriter out = new StringWriter();

  /** Everything the commands run so far printed to standard error. */
  protected final StringWriter err = new StringWriter();

  /** Runs the CLI with {@code args} and returns its exit code. */
  protected int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** {@code input[?, 4] -> fc1 (4 -> 8) -> relu1 -> fc2 (8 -> 3)}, weights from seed 3. */
  protected static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("input", -1, 4);
    String h = b.relu("relu1", b.linear("fc1", x, 4, 8));
    return b.output(b.linear("fc2", h, 8, 3)).build();
  }

  /** Exports {@code graph} as ONNX to {@code dir/name} and returns that path. */
  protected static Path writeModel(Path dir, String name, Graph graph) throws IOException {
    Path file = dir.resolve(name);
    OnnxExporter.write(graph, file);
    return file;
  }

  /** Writes {@code tensor} as {@code .npy} to {@code dir/name} and returns that path. */
  protected static Path writeNpy(Path dir, String name, Tensor tensor) throws IOException {
    Path file = dir.resolve(name);
    Npy.write(file, tensor);
    return file;
  }
}
