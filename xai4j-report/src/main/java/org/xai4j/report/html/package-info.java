/**
 * Static HTML reports: a page builder with headings, notes, tables, image grids and plots
 * ({@link org.xai4j.report.html.HtmlPage}), result tables shared by the console and the page
 * ({@link org.xai4j.report.html.Table}) and the output folder written atomically
 * ({@link org.xai4j.report.html.OutputFolder}).
 */
package org.xai4j.report.html;
