/**
 * Writing metric results: JSON, CSV and line plots (PNG and SVG, drawn with JFreeChart), each file
 * written atomically (a temporary file in the same directory, then a move).
 */
package org.xai4j.report.metric;
