package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.jobs.Tokenizer;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.model.Post;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;

/**
 * The words job's tokenizer alone, as the job configures it by default: thread CPU time per post (not wall time:
 * steadier on a shared machine) over the posts SparkThroughputBench feeds, after a warm-up.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) io.jvcstreaming.analytics.TokenizerBench
 * </pre>
 */
public final class TokenizerBench {

  private TokenizerBench() {
  }

  public static void main(String[] args) {
    JobConfig config = JobConfigLoader.load(new String[] {"--job", "words", "--source", "127.0.0.1:1"}, new HashMap<>());
    Tokenizer tokenizer = new Tokenizer(config.minWordLength(), config.stopWords());
    List<String> texts = new TestPosts(7).next(30_000).stream().map(Post::text).toList();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 8; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long words = 0;
      for (int rep = 0; rep < 5; rep++) {
        for (String text : texts) {
          words += tokenizer.words(text).size();
        }
      }
      double nsPerPost = (threads.getCurrentThreadCpuTime() - start) / (5.0 * texts.size());
      if (round >= 4) { // the first rounds are JIT warm-up
        System.out.printf("tokenizer: %.0f ns CPU per post (%d words from %d posts)%n", nsPerPost, words,
            5 * texts.size());
      }
    }
  }
}
