package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j run --model M --input X --out Y.npy [--output NAME]}: one plain forward pass of an
 * ONNX file or bundled model on an input ({@code .npy}, PNG/JPEG or bundled samples, fitted to the
 * model's input), writing the selected graph output or intermediate value (default: the first graph
 * output) as a float32 {@code .npy} file. The output file is written atomically and never replaces an
 * existing file without {@code --force}. Exit codes as in {@link Failures}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a model on an input and save one output (or any node's value) as .npy.",
    footerHeading = "%nExample:%n",
    footer = "  xai4j run --model mnist-cnn --data mnist --index 3 --out logits.npy")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin OutputOptions outputs;

  @Mixin NumericOptions numerics;

  @Mixin InputOptions input;

  @Mixin ThreadsOption threads;

  @Option(names = "--out", required = true, paramLabel = "Y.npy", description = "Where to write the result.")
  Path out;

  @Option(names = "--output", paramLabel = "NAME",
      description = "The graph output or node to save (default: the first graph output).")
  String output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    model.check();
    input.check();
    outputs.checkFile("--out", out, OutputOptions.inputs("--model", model.file(), "--input", input.file()));
    Graph g = model.load();
    String name = output == null ? g.outputs().get(0) : output;
    if (!g.hasValue(name)) {
      throw new IllegalArgumentException("--output: no value named '" + name + "' in "
          + ModelArgument.displayName(model.name()) + "; outputs are " + g.outputs());
    }
    Tensor x = input.read(g, spec.commandLine().getOut()).tensor();
    numerics.checkInput(input.describe(), x, err);
    Graph selected = g.withOutputs(List.of(name));
    Tensor y = selected.forward(x).get(name);
    numerics.checkResult("the value of '" + name + "'", y, selected, Map.of(g.inputs().get(0).name(), x), err);
    Npy.write(out, y, outputs.existing());
    spec.commandLine().getOut().printf("%s: %s %s -> %s%n", name, y.shape(), out, y);
    spec.commandLine().getOut().flush();
    return Failures.OK;
  }
}
