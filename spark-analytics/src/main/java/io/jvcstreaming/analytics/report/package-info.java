/** Per-batch reports: the table people read in {@code kubectl logs}, the JSON line for tools, the optional HTTP publish. */
package io.jvcstreaming.analytics.report;
