/** {@link io.jvcstreaming.analytics.config.JobConfig}: CLI flags and environment variables, validated once. */
package io.jvcstreaming.analytics.config;
