package io.jvcstreaming.e2e.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;

/**
 * The words a post counts for in the {@code words} job: the job's own {@code Tokenizer}, loaded from the packaged
 * spark-analytics jar (it depends on the JDK only), with the settings {@link SparkJob} starts the job with. The
 * matrix checks that restarts neither lose nor double posts, not how text is split, so the oracle reuses the
 * product's rule instead of keeping a second copy of it that would drift.
 */
public final class Words {

  private static volatile MethodHandle words;

  private Words() {
  }

  @SuppressWarnings("unchecked")
  public static List<String> of(String text) {
    try {
      return (List<String>) handle().invoke(text);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static MethodHandle handle() throws Exception {
    MethodHandle h = words;
    if (h == null) {
      synchronized (Words.class) {
        if (words == null) {
          URL jar = Env.sparkJar().toUri().toURL();
          @SuppressWarnings("resource") // lives as long as the test JVM
          ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
          Class<?> tokenizer = Class.forName("io.jvcstreaming.analytics.jobs.Tokenizer", true, loader);
          Object instance = tokenizer.getConstructor(int.class, Set.class).newInstance(SparkJob.MIN_WORD_LENGTH, Set.of());
          words = MethodHandles.publicLookup().findVirtual(tokenizer, "words", MethodType.methodType(List.class, String.class))
              .bindTo(instance);
        }
        h = words;
      }
    }
    return h;
  }
}
