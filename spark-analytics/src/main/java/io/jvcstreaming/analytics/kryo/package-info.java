/** Kryo serialization of the posts Spark stores and ships: {@link io.jvcstreaming.analytics.kryo.AnalyticsKryoRegistrator}. */
package io.jvcstreaming.analytics.kryo;
