package org.xai4j.spark;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.graph.Graph;
import org.xai4j.onnx.OnnxImporter;

/**
 * The models and methods this JVM has prepared, so that an executor imports a broadcast model
 * once and prepares each method (LRP rules and modified weights included) once, and reuses them for
 * every partition and task it runs. Concurrent tasks asking for the same entry wait for one
 * preparation.
 *
 * <p>Models are keyed by the SHA-256 of their bytes, methods by that, their name and options. At most
 * {@link #MAX_MODELS} models and {@link #MAX_METHODS} prepared methods are kept (least recently
 * used first out), so that a long-lived executor running jobs over many models does not keep them
 * all. Everything cached is immutable, so a failed and retried task finds the state it started with.
 */
final class PreparedModels {
  /** The most imported models kept per JVM. */
  static final int MAX_MODELS = 2;
  /** The most prepared methods kept per JVM. */
  static final int MAX_METHODS = 16;
  private static final OnceCache<String, Graph> MODELS = new OnceCache<>(MAX_MODELS);
  private static final OnceCache<List<Object>, MethodExplainer> METHODS = new OnceCache<>(MAX_METHODS);
  private static final AtomicInteger IMPORTS = new AtomicInteger();

  private PreparedModels() {}

  /**
   * The method {@code method} with {@code options} prepared for the model whose bytes have digest
   * {@code sha256}, importing the model from {@code bytes} if this JVM does not hold it.
   *
   * @param source names the model in error messages
   * @param options the options of all the job's methods (those that apply to this one are used)
   * @throws IllegalArgumentException if the model cannot be imported or the method does not fit it
   */
  static MethodExplainer get(String sha256, Supplier<byte[]> bytes, String source, String method,
      MethodOptions options) {
    MethodOptions own = Methods.optionsFor(method, options);
    return METHODS.get(List.of(sha256, method, own), () -> {
      Graph g = MODELS.get(sha256, () -> importModel(bytes.get(), source));
      return MethodExplainer.prepare(g, method, own);
    });
  }

  /** How many times this JVM has imported a model (for tests and logs). */
  static int imports() {
    return IMPORTS.get();
  }

  private static Graph importModel(byte[] bytes, String source) {
    IMPORTS.incrementAndGet();
    try {
      return OnnxImporter.convert(ModelProto.parseFrom(bytes), null, source);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(source + ": not an ONNX model (" + e.getMessage() + ")", e);
    }
  }
}
