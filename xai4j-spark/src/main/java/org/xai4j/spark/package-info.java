/**
 * Data-set scale explanation on Apache Spark: {@link org.xai4j.spark.Explain} turns a
 * {@code Dataset<Row>} of images (Spark's {@code image} or {@code binaryFile} sources, or value and
 * shape array columns) into rows with attributions, heatmaps and summaries; executors import the
 * broadcast model and prepare each method once per JVM.
 */
package org.xai4j.spark;
