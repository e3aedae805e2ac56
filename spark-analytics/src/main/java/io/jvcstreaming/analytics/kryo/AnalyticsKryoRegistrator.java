package io.jvcstreaming.analytics.kryo;

import com.esotericsoftware.kryo.Kryo;
import io.jvcstreaming.model.Post;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * {@code spark.kryo.registrator} of the analytics jobs: posts get their own serializer (see {@link PostSerializer}).
 * Everything else (strings, longs, tuples, Spark's state maps) uses Kryo's defaults; registration is not required.
 */
public final class AnalyticsKryoRegistrator implements KryoRegistrator {

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(Post.class, new PostSerializer());
  }
}
