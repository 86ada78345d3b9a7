package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j run --model M.onnx --input X.npy --out Y.npy [--output NAME]}: one plain forward
 * pass of an imported ONNX model on a float32 {@code .npy} input, writing the selected graph output
 * or intermediate value (default: the first graph output) as a float32 {@code .npy} file. The
 * output file is written atomically. Exit status 0 on success, 1 with a one-line reason otherwise.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an ONNX model on a .npy input and save one output (or any node's value) as .npy.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "The ONNX model.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "X.npy", description = "The float32 input (one graph input).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "Y.npy", description = "Where to write the result.")
  Path out;

  @Option(names = "--output", paramLabel = "NAME",
      description = "The graph output or node to save (default: the first graph output).")
  String output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Graph g = OnnxImporter.read(model);
      String name = output == null ? g.outputs().get(0) : output;
      if (!g.hasValue(name)) {
        err.println("no value named '" + name + "' in " + model.getFileName() + "; outputs are " + g.outputs());
        return 1;
      }
      Tensor x = Npy.read(input);
      Tensor y = g.withOutputs(List.of(name)).forward(x).get(name);
      Npy.write(out, y);
      spec.commandLine().getOut().printf("%s: %s %s -> %s%n", name, y.shape(), out, y);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }
}
