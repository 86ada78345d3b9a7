package org.xai4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.NonFiniteException;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Coverage-guided fuzzing (Jazzer) of the three readers of untrusted files: the ONNX importer, the {@code .npy}
 * reader and the image reader. The contract: every input ends in a result or in one of xai4j's documented
 * exceptions ({@link IllegalArgumentException} with its subclasses {@code OnnxImportException} and
 * {@code LimitExceededException}, {@link IOException}, {@link UncheckedIOException}, {@link NonFiniteException});
 * anything else (an {@link Error}, an unchecked exception from deep inside) fails the test.
 *
 * <p>A plain {@code mvn verify} runs each target on its committed seeds ({@code src/test/resources/org/xai4j/fuzz/
 * ReaderFuzzTestInputs/<method>/}, which also hold the crashing inputs found so far). {@code JAZZER_FUZZ=1} fuzzes
 * one target for its {@code maxDuration}; {@code xai4j-explain/fuzz.sh} seeds the corpus from
 * {@code ../shared/onnx-conformance} and the bundled models first. See docs/reliability.md.
 */
class ReaderFuzzTest {
  /** Imported graphs whose outputs at batch 1 have at most this many elements are also run forward. */
  private static final long FORWARD_ELEMENTS = 1 << 16;
  private static final Path DIR = tempDir();

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("xai4j-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code action}; a documented exception is an accepted outcome, anything else propagates. */
  static void documentedOutcome(Callable<?> action) throws Exception {
    outcome(action);
  }

  /** The result of {@code action}, or the documented exception it threw; anything else propagates. */
  static Object outcome(Callable<?> action) throws Exception {
    try {
      return action.call();
    } catch (IllegalArgumentException | IOException | UncheckedIOException | NonFiniteException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("documented exception without a message", expected);
      }
      return expected;
    }
  }

  @FuzzTest(maxDuration = "30s")
  void onnxModel(byte[] data) throws Exception {
    Path file = Files.write(DIR.resolve("model.onnx"), data);
    documentedOutcome(() -> exercise(OnnxImporter.read(file)));
  }

  /** Infers the shapes at batch 1 and, for small graphs, runs a forward pass on zeros. */
  static Graph exercise(Graph g) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (GraphInput in : g.inputs()) {
      shapes.put(in.name(), in.shapeForBatch(1));
    }
    Map<String, Shape> inferred = g.inferShapes(shapes);
    long elements = inferred.values().stream().mapToLong(Shape::size).sum();
    if (elements <= FORWARD_ELEMENTS) {
      Map<String, Tensor> feeds = new LinkedHashMap<>();
      shapes.forEach((name, s) -> feeds.put(name, Tensor.zeros(s)));
      g.forward(feeds);
    }
    return g;
  }

  @FuzzTest(maxDuration = "30s")
  void npyArray(byte[] data) throws Exception {
    Path file = Files.write(DIR.resolve("array.npy"), data);
    Object fromBytes = outcome(() -> Npy.read(data, "fuzz"));
    Object fromFile = outcome(() -> Npy.read(file));
    if (fromBytes instanceof Tensor t && fromFile instanceof Tensor u) {
      assertEquals(t.shape(), u.shape());
      assertArrayEquals(t.toArray(), u.toArray());
    } else {
      assertEquals(fromBytes.getClass(), fromFile.getClass(), "the byte and file readers disagree: " + fromBytes
          + " / " + fromFile);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void image(byte[] data) throws Exception {
    documentedOutcome(() -> ImageInput.decode(new ByteArrayInputStream(data), "fuzz"));
    Path file = Files.write(DIR.resolve("image.png"), data);
    documentedOutcome(() -> ImageInput.raw().read(file));
  }
}
