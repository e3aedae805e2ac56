package io.jvcstreaming.analytics.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of this build, as the name of its checkpoint directory: {@code <project version>-spark<Spark
 * version>-<12 hex of the SHA-256 of the compiled classes>}, e.g. {@code 1.0.0-SNAPSHOT-spark3.5.8-3f09a1c2be47}.
 * Written at build time into {@value #RESOURCE} (spark-analytics/pom.xml, antrun at process-classes). Why the
 * classes' hash: a checkpoint holds Java-serialized objects of these classes; any change may make it unreadable,
 * and an unchanged rebuild keeps reading it.
 */
public final class BuildVersion {

  static final String RESOURCE = "/io/jvcstreaming/analytics/build-version.properties";
  /** When the resource is missing (classes run from an IDE without the Maven build). */
  static final String UNKNOWN = "dev-unversioned";
  private static final Logger LOG = LoggerFactory.getLogger(BuildVersion.class);

  private BuildVersion() {
  }

  public static String current() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        LOG.warn("{} missing (not built by Maven?): checkpoint version '{}'", RESOURCE, UNKNOWN);
        return UNKNOWN;
      }
      Properties p = new Properties();
      p.load(in);
      return of(p.getProperty("project.version"), p.getProperty("spark.version"), p.getProperty("classes.sha256"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The directory name for these parts; only {@code [A-Za-z0-9._-]} (a path segment on every file system). */
  static String of(String projectVersion, String sparkVersion, String classesSha256) {
    if (projectVersion == null || sparkVersion == null || classesSha256 == null || classesSha256.length() < 12
        || projectVersion.startsWith("${")) {
      throw new IllegalStateException(RESOURCE + " is incomplete (project.version=" + projectVersion
          + ", spark.version=" + sparkVersion + ", classes.sha256=" + classesSha256 + "): rebuild with Maven");
    }
    String v = projectVersion + "-spark" + sparkVersion + "-" + classesSha256.substring(0, 12).toLowerCase();
    return v.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
