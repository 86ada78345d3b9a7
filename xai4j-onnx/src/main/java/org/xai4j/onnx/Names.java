package org.xai4j.onnx;

/**
 * Names read from a model (nodes, values, tensors, external locations) as they may appear in
 * messages. A hostile model can put terminal escape sequences, line breaks or bidirectional
 * overrides into a name; the importer refuses such names, and every message quotes names through
 * {@link #printable}, so what xai4j prints is always one plain line.
 */
final class Names {
  /** Characters of a name kept in a message; longer names are cut, saying how long they were. */
  static final int MAX_PRINTED = 200;

  private Names() {}

  /**
   * {@code name} with every ISO control character (C0, DEL, C1: escapes, line breaks), Unicode
   * format character (bidirectional overrides, zero-width characters) and lone surrogate written
   * as {@code \}{@code uXXXX}, cut to {@value #MAX_PRINTED} characters.
   */
  static String printable(String name) {
    StringBuilder sb = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n && sb.length() < MAX_PRINTED; i++) {
      char c = name.charAt(i);
      if (isUnsafe(name, i)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (sb.length() >= MAX_PRINTED && n > MAX_PRINTED) {
      sb.setLength(MAX_PRINTED);
      sb.append("... (").append(n).append(" characters)");
    }
    return sb.toString();
  }

  /** Whether a name contains a character that {@link #printable} would escape. */
  static boolean isUnsafe(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (isUnsafe(name, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnsafe(String s, int i) {
    char c = s.charAt(i);
    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
