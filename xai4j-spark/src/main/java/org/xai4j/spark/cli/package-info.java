/**
 * The {@code xai4j spark-explain} command, kept apart from the default command line so that Spark's
 * dependencies are built and loaded only by users who run it.
 */
package org.xai4j.spark.cli;
