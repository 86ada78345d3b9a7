package org.xai4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Runs an ONNX model in ONNX Runtime (the independent reference implementation) for tests. */
final class OrtRunner {
  private OrtRunner() {}

  /** All outputs of the model, in order, for the given float32 inputs. */
  static List<Tensor> run(byte[] model, Map<String, Tensor> feeds) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> in = new HashMap<>();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(model, options)) {
      for (var e : feeds.entrySet()) {
        long[] shape = java.util.Arrays.stream(e.getValue().shape().toArray()).asLongStream().toArray();
        in.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().toArray()), shape));
      }
      try (OrtSession.Result r = session.run(in)) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          OnnxTensor t = (OnnxTensor) r.get(i);
          int[] dims = java.util.Arrays.stream(t.getInfo().getShape()).mapToInt(Math::toIntExact).toArray();
          FloatBuffer b = t.getFloatBuffer();
          float[] v = new float[b.remaining()];
          b.get(v);
          out.add(Tensor.of(Shape.of(dims), v));
        }
        return out;
      }
    } finally {
      in.values().forEach(OnnxTensor::close);
    }
  }
}
