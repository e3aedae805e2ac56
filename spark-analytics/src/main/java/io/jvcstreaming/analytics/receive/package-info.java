/** The Spark receiver of the scraper's NDJSON stream, over a plain socket (no Netty/Vert.x of ours on Spark's classpath). */
package io.jvcstreaming.analytics.receive;
