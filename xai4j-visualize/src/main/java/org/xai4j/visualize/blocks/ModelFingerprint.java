package org.xai4j.visualize.blocks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A SHA-256 of everything that decides what a graph computes: its inputs (names and extents), every
 * node (name, op class and its description, input names) and every parameter (name, shape and
 * values). Two graphs with the same fingerprint render the same feature visualizations, so
 * {@link FeatureIcons} keys its disk cache by it.
 */
public final class ModelFingerprint {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final int HEX_PER_BYTE = 2;

  private ModelFingerprint() {}

  /** The fingerprint as 64 hex digits. */
  public static String of(Graph graph) {
    MessageDigest d = sha256();
    for (GraphInput in : graph.inputs()) {
      text(d, "input " + in.name() + " " + Arrays.toString(in.dims()));
    }
    for (Node n : graph.nodes()) {
      text(d, "node " + n.name() + " " + n.op().getClass().getName() + " " + n.op() + " " + n.inputs());
      Parameters p = n.op().parameters();
      for (String name : p.names()) {
        Tensor t = p.get(name);
        text(d, "param " + name + " " + t.shape());
        float[] v = INTERNALS.array(t);
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        d.update(b.array());
      }
    }
    text(d, "outputs " + graph.outputs());
    return HexFormat.of().formatHex(d.digest());
  }

  /** A short SHA-256 (16 hex digits) of a text, for file names. */
  static String shortHash(String text) {
    MessageDigest d = sha256();
    text(d, text);
    return HexFormat.of().formatHex(d.digest()).substring(0, 8 * HEX_PER_BYTE);
  }

  private static void text(MessageDigest d, String s) {
    d.update(s.getBytes(StandardCharsets.UTF_8));
    d.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
