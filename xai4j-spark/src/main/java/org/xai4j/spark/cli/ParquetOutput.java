package org.xai4j.spark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.xai4j.cli.OutputOptions;
import org.xai4j.io.AtomicFiles;

/**
 * The {@code --out} folder of {@code xai4j spark-explain}, where Spark writes Parquet. On the local file system
 * the folder is written whole, like every xai4j report: Spark writes into a temporary sibling folder that is moved
 * onto {@code --out} once the job has succeeded ({@link AtomicFiles#folder}), so a failed or interrupted job leaves
 * the old folder intact or nothing, and the checks of {@link OutputOptions} run before the job (the parent folder
 * exists, no input lies inside, an existing folder is replaced only with {@code --force}). On another file system
 * ({@code hdfs://}, {@code s3a://}, or a path without scheme when the cluster's default file system is one) Spark's
 * output committer writes the folder in place: an existing folder is refused without {@code --force} and replaced
 * with it, and a failed job can leave a folder without Spark's {@code _SUCCESS} marker.
 */
final class ParquetOutput {
  private static final String OPTION = "--out";
  private static final String LOCAL_SCHEME = "file";

  private final String uri;
  private final Path local;
  private final AtomicFiles.Existing existing;

  private ParquetOutput(String uri, Path local, AtomicFiles.Existing existing) {
    this.uri = uri;
    this.local = local;
    this.existing = existing;
  }

  /**
   * Resolves {@code out} on its file system and checks it before any work.
   *
   * @param inputs the command's local input files by option name, which the folder must not be or contain
   * @throws IllegalArgumentException naming {@code --out} if a check fails
   * @throws IOException if the file system cannot be asked
   */
  static ParquetOutput of(String out, OutputOptions options, Map<String, Path> inputs, Configuration hadoop)
      throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out);
    FileSystem fs = path.getFileSystem(hadoop);
    if (isLocal(fs)) {
      Path folder = Path.of(fs.makeQualified(path).toUri());
      options.checkFolder(OPTION, folder, inputs);
      return new ParquetOutput(folder.toString(), folder, options.existing());
    }
    if (options.existing() == AtomicFiles.Existing.REFUSE && fs.exists(path)) {
      throw new IllegalArgumentException(OPTION + " " + out + " exists; pass --force to replace it");
    }
    return new ParquetOutput(out, null, options.existing());
  }

  /** Whether {@code fs} is the local file system, where xai4j writes folders whole. */
  static boolean isLocal(FileSystem fs) {
    return LOCAL_SCHEME.equals(fs.getScheme());
  }

  /** Where the folder is, for reading it back and for messages. */
  String location() {
    return uri;
  }

  /** Runs the job that writes {@code rows} as Parquet and puts the folder in place. */
  void write(Dataset<Row> rows) throws IOException {
    if (local == null) {
      rows.write().mode(existing == AtomicFiles.Existing.REPLACE ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
          .parquet(uri);
      return;
    }
    try (AtomicFiles.Folder folder = AtomicFiles.folder(local, existing)) {
      // the temporary folder exists (and is empty): Spark's default mode would refuse it
      rows.write().mode(SaveMode.Overwrite).parquet(folder.path().toString());
      folder.commit();
    }
  }
}
