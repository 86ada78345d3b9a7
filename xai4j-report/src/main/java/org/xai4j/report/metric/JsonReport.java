package org.xai4j.report.metric;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.xai4j.io.AtomicFiles;

/**
 * Writes metric results as indented JSON. Values are maps, lists, numbers, strings, arrays and the
 * metric result records (serialized by their components); non-finite numbers become strings
 * ({@code "NaN"}), as JSON has no literal for them.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature());

  private JsonReport() {}

  /** Writes {@code value} to {@code file} atomically. */
  public static void write(Path file, Object value) throws IOException {
    byte[] bytes = bytes(value);
    AtomicFiles.writeCreatingDirectories(file, out -> out.write(bytes));
  }

  /** The JSON of {@code value}, as written by {@link #write}. */
  public static byte[] bytes(Object value) throws IOException {
    return MAPPER.writeValueAsBytes(value);
  }
}
