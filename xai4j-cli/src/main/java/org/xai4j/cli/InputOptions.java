package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xai4j.data.LabeledImages;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.explain.image.InputFit;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.models.BundledData;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The input options of every command that feeds a model one input batch (a picocli mixin): a file
 * ({@code --input} PNG/JPEG/.npy, with torchvision-style {@link ImageOptions}) or
 * bundled samples ({@code --data mnist --index 3}); the batch is then fitted to the model's input
 * ({@link InputFit}: channels and size), and what was changed is printed.
 */
final class InputOptions {
  private static final String NPY = ".npy";

  @Option(names = "--input", paramLabel = "FILE", description = "PNG/JPEG image or .npy array [N, ...] "
      + "(or use --data).")
  Path input;

  @Option(names = "--data", paramLabel = "SET", description = "Bundled held-out samples instead of --input: "
      + "${COMPLETION-CANDIDATES}.", completionCandidates = DataNames.class)
  String data;

  @Option(names = "--index", split = ",", paramLabel = "I",
      description = "With --data: sample indices, comma-separated (default: 0).")
  int[] index;

  @Mixin ImageOptions image;

  /** The bundled data set names, for help and completion. */
  static final class DataNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    DataNames() {
      super(BundledData.names());
    }
  }

  /**
   * An input batch with where it came from.
   *
   * @param tensor the batch as fed to the model
   * @param source the file, or {@code mnist[3]} for bundled samples
   * @param labels the true classes of bundled samples, {@code null} for files
   * @param classNames the class names of the bundled set, {@code null} for files
   */
  record Loaded(Tensor tensor, String source, int[] labels, List<String> classNames) {}

  /** The input file, or {@code null} for bundled samples. */
  Path file() {
    return input;
  }

  /** Where the input comes from, for messages: the file or the bundled data set. */
  String describe() {
    return input != null ? "--input " + input : "--data " + data;
  }

  /**
   * Checks, before anything is computed, that exactly one source is given and that it exists.
   *
   * @throws IllegalArgumentException saying what is missing or wrong
   */
  void check() {
    if ((input == null) == (data == null)) {
      throw new IllegalArgumentException(input == null
          ? "give an input: --input FILE (PNG, JPEG or .npy) or --data " + String.join("|", BundledData.names())
              + " [--index I]"
          : "--input and --data exclude each other; give one");
    }
    if (input != null) {
      if (!Files.isRegularFile(input)) {
        throw new IllegalArgumentException("--input " + input + ": no such file");
      }
      if (index != null) {
        throw new IllegalArgumentException("--index applies to --data only");
      }
      image.imageInput();
      return;
    }
    BundledData.named(data);
    if (image.resizes()) {
      throw new IllegalArgumentException("--resize and --crop apply to --input image files only; bundled samples are "
          + "fitted to the model");
    }
  }

  /** Reads the input, fits it to {@code graph}'s first input and prints each change to {@code notes}. */
  Loaded read(Graph graph, PrintWriter notes) throws IOException {
    check();
    Loaded raw = readRaw();
    InputFit.Fitted fitted = InputFit.fit(raw.tensor(), graph.inputs().get(0));
    for (String change : fitted.changes()) {
      notes.println("note:   " + raw.source() + ": " + change + " to fit the model input " + graph.inputs().get(0));
    }
    notes.flush();
    return new Loaded(fitted.input(), raw.source(), raw.labels(), raw.classNames());
  }

  private Loaded readRaw() throws IOException {
    if (input != null) {
      Tensor t = input.toString().endsWith(NPY) ? Npy.read(input) : image.imageInput().read(input);
      return new Loaded(t, input.toString(), null, null);
    }
    BundledData set = BundledData.named(data);
    int[] indices = index == null ? new int[] {0} : index;
    LabeledImages samples = set.subset(indices);
    return new Loaded(samples.images(), set.id() + Arrays.toString(indices).replace(" ", ""), samples.labels(),
        set.classNames());
  }
}
