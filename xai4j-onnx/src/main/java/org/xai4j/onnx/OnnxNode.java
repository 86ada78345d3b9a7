package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.HashMap;
import java.util.Map;

/**
 * One ONNX node as a converter sees it: its inputs (absent optional inputs are empty strings),
 * typed attribute access with defaults, the opset in force, and error factories whose messages name
 * the model file, the node and its op type.
 */
final class OnnxNode {
  private final NodeProto proto;
  private final int opset;
  private final String source;
  private final Map<String, AttributeProto> attributes = new HashMap<>();

  OnnxNode(NodeProto proto, int opset, String source) {
    this.proto = proto;
    this.opset = opset;
    this.source = source;
    for (AttributeProto a : proto.getAttributeList()) {
      attributes.put(a.getName(), a);
    }
  }

  /** The ONNX op type. */
  String type() {
    return proto.getOpType();
  }

  /** The node name, or its first output's name when the node is unnamed. */
  String name() {
    return displayName(proto);
  }

  /** The name used for a node in messages. */
  static String displayName(NodeProto p) {
    if (!p.getName().isEmpty()) {
      return Names.printable(p.getName());
    }
    return p.getOutputCount() > 0 ? Names.printable(p.getOutput(0)) : "<unnamed " + Names.printable(p.getOpType()) + ">";
  }

  /** The default-domain opset the model imports. */
  int opset() {
    return opset;
  }

  /** Number of input slots, including empty ones. */
  int inputCount() {
    return proto.getInputCount();
  }

  /** Input {@code i}, or the empty string if it is absent. */
  String input(int i) {
    return i < proto.getInputCount() ? proto.getInput(i) : "";
  }

  /** Whether optional input {@code i} is given. */
  boolean hasInput(int i) {
    return !input(i).isEmpty();
  }

  /** The first output's name (the value this node defines). */
  String output() {
    if (proto.getOutputCount() == 0) {
      throw error("has no outputs");
    }
    return proto.getOutput(0);
  }

  /** Number of outputs. */
  int outputCount() {
    return proto.getOutputCount();
  }

  /** Output {@code i}'s name. */
  String output(int i) {
    return proto.getOutput(i);
  }

  /** Whether the attribute is present. */
  boolean has(String attribute) {
    return attributes.containsKey(attribute);
  }

  /** An integer attribute, or {@code def} when absent. */
  long attrInt(String name, long def) {
    AttributeProto a = attributes.get(name);
    return a == null ? def : a.getI();
  }

  /**
   * An integer attribute that must fit an {@code int} (an axis, a count), or {@code def} when absent.
   *
   * @throws OnnxImportException naming the node and the attribute if the value does not fit
   */
  int attrInt32(String name, int def) {
    return int32(name, attrInt(name, def));
  }

  private int int32(String name, long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error("has attribute '" + name + "' = " + v + ", outside the 32-bit range xai4j supports");
    }
    return (int) v;
  }

  /** A float attribute, or {@code def} when absent. */
  float attrFloat(String name, float def) {
    AttributeProto a = attributes.get(name);
    return a == null ? def : a.getF();
  }

  /** A string attribute, or {@code def} when absent. */
  String attrString(String name, String def) {
    AttributeProto a = attributes.get(name);
    return a == null ? def : a.getS().toStringUtf8();
  }

  /** An integer-list attribute, or {@code null} when absent. */
  long[] attrInts(String name) {
    AttributeProto a = attributes.get(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  /** An integer-list attribute as ints, or {@code def} when absent. */
  int[] attrIntArray(String name, int[] def) {
    long[] l = attrInts(name);
    if (l == null) {
      return def;
    }
    int[] r = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      r[i] = int32(name, l[i]);
    }
    return r;
  }

  /** A float-list attribute, or {@code null} when absent. */
  float[] attrFloats(String name) {
    AttributeProto a = attributes.get(name);
    if (a == null) {
      return null;
    }
    float[] f = new float[a.getFloatsCount()];
    for (int i = 0; i < f.length; i++) {
      f[i] = a.getFloats(i);
    }
    return f;
  }

  /** The raw attribute, or {@code null}. */
  AttributeProto attribute(String name) {
    return attributes.get(name);
  }

  /** The attribute names. */
  java.util.Set<String> attributeNames() {
    return attributes.keySet();
  }

  /** "model.onnx: node 'n' (Type, opset 13)". */
  String describe() {
    return source + ": node '" + name() + "' (" + type() + ", opset " + opset + ")";
  }

  /** An import error about this node. */
  OnnxImportException error(String message) {
    return new OnnxImportException(describe() + " " + message);
  }

  /** An unsupported-feature error about this node. */
  UnsupportedModelException unsupported(String message) {
    return new UnsupportedModelException(describe() + ": " + message);
  }
}
