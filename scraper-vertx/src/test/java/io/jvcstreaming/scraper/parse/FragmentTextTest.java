package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.simulator.model.Message;
import io.jvcstreaming.simulator.model.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree-less scan of payload fragments gives what jsoup's tree gives ({@link PayloadReader#viaJsoup}): on
 * every message of generated forums, on the fixture pages' payloads, on hand-picked markup jsoup restructures,
 * and on thousands of fragments mutated at random. Where the scan answers null the caller uses jsoup, so the
 * property is "null or equal", plus the checks that the scan does answer for what the forum really renders.
 */
class FragmentTextTest {

  /** Every body and signature of a static forum of that seed (what the simulator serves in the payloads). */
  private static List<String> forumFragments(long seed, int topics) {
    World world = GeneratedForums.generate(seed, topics);
    List<String> out = new ArrayList<>();
    for (Message m : world.read(world::published)) {
      out.add(m.body().html());
      if (m.signatureHtml() != null) {
        out.add(m.signatureHtml());
      }
    }
    return out;
  }

  private static void assertSameAsJsoup(String html) {
    PostExtractor.Body fast = FragmentText.extract(html);
    assertThat(fast).as("scan of %s", html).isNotNull();
    assertThat(fast).as("scan of %s", html).isEqualTo(PayloadReader.viaJsoup(html));
  }

  private static void assertNullOrSameAsJsoup(String html) {
    PostExtractor.Body fast = FragmentText.extract(html);
    if (fast != null) {
      assertThat(fast).as("scan of %s", html).isEqualTo(PayloadReader.viaJsoup(html));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 1, 2, 3})
  void readsEveryGeneratedFragmentAsJsoupDoes(long seed) {
    List<String> fragments = forumFragments(seed, 300);
    assertThat(fragments.size()).isGreaterThan(5_000);
    for (String html : fragments) {
      assertSameAsJsoup(html);
    }
  }

  @Test
  void answersLikeJsoupOnTheFixturePayloads() throws PageParseException {
    int read = 0;
    for (String page : List.of("topic-2026-example.html", "topic-2026-p1.html", // the fixtures with a payload
        "topic-2026-last-locked.html", "topic-2026-payload-only.html")) {
      Payload payload = Payload.read(Pages.load(page));
      assertThat(payload).as(page).isNotNull();
      for (Payload.Message m : payload.messages) {
        if (m.renderedText() != null) {
          assertNullOrSameAsJsoup(m.renderedText());
          read += FragmentText.extract(m.renderedText()) != null ? 1 : 0;
        }
      }
    }
    assertThat(read).isGreaterThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<p>a<div>b</div>c</p>", // jsoup closes the paragraph
      "a</p>b", // a stray end tag becomes an empty paragraph
      "<p><b>x</p>y", // misnested: jsoup reconstructs the b
      "<a href=\"/x\">1<a href=\"/y\">2</a></a>", // nested links
      "<span/>x", // self-closing non-void
      "x <!-- c --> y", // comment
      "a < b", // stray less-than
      "caf&eacute au lait", // reference without semicolon
      "&#128;", // windows-1252 remap
      "a&b c", // a name without semicolon: jsoup may decode a prefix of it
      "&#0;x", // NUL reference
      "<p>x\r\ny</p>", // carriage return
      "<table><tr><td>x</td></tr></table>", // foster parenting
      "<div class=\"txt-msg\">inner</div>outer", // the caller would read the inner body only
      "<script>var a = '<p>';</script>x", // raw text
      "<img src=\"a\"></img>", // end tag of a void element
      "</br>", // jsoup reads it as a br
  })
  void leavesToJsoupWhatJsoupRestructures(String html) {
    assertThat(FragmentText.extract(html)).as(html).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<p class=\"message__p\">C&#039;est l&#039;&eacute;t&eacute; &amp; &lt;3 \uD83D\uDE02&nbsp;!</p>",
      "<P CLASS=\"message__p\">Maj<BR>uscules</P>",
      "<p>a & b &amp;&nbsp;c&</p>",
      "<span class=\"JvCare 45CBCBC0C2\" target=\"_blank\"\"><img class=\"message__urlImg\" src=\"x\" alt=\"y\" /></span>",
      "<span class=\"message__urlImg message__urlImgLarge\" data-src-background=\"https://image.noelshack.com/"
          + "fichiers-lg/2026/1/1/1-a.png\" }\"></span>",
      "<a href=\"https://image.noelshack.com/fichiers/2026/1/1/1-b.png\"><img class=\"img-shack\" src=u /></a>",
      "<img src=\"https://image.jeuxvideo.com/stickers/p/st/1kki\" class=\"message__sticker\" data-src='z'>",
      "<blockquote class=\"message__blockquote\"><p>cit&eacute;</p><img class=\"message__sticker\" src=\"s\"></blockquote>"
          + "<p>r&eacute;ponse</p>",
      "<pre class=\"message__pre\">\n<code>a\n  b</code></pre>",
      "<p>un <i class=\"message__cesure\"></i><span class=\"message__middleCesure\">lien</span> coup&eacute;</p>",
      "<span class=\"message__spoil\"><label class=\"message__spoilHead\">Spoil</label>cach&eacute;</span>",
      "<div>open <b>to the end",
      "<p title=\"a &amp; b\" class=\"x\" class=\"message__spoilHead\">first class wins</p>",
  })
  void readsOrdinaryMarkupAsJsoupDoes(String html) {
    assertSameAsJsoup(html);
  }

  /** Pieces the mutations splice in: markup the scan must refuse or read exactly as jsoup. */
  private static final String[] SPLICES = {
      "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<a href=\"/l\">", "</a>", "<br />",
      "<br>", "</br>", "<img src=\"https://image.noelshack.com/fichiers-md/2026/2/2/2-c.png\" class=\"message__urlImg\">",
      "<blockquote>", "</blockquote>", "<pre>\n", "</pre>", "<i class=\"message__cesure\"></i>", "&", "&amp;",
      "&eacute", "&eacute;", "&#39;", "&#x27;", "&#128;", "&nosuch;", "<", ">", "\"", "'", "=", "<!-- c -->",
      "<span/>", "<table>", "<li>", "<label class=\"message__spoilHead\">", "</label>", "<input type=checkbox>",
      "\u00a0", " ", "\n", "<SPAN CLASS=message__spoilHead>", "<p class=\"txt-msg\">", "<code>", "</code>",
      "<strong>", "</strong>", "<em>", "<u>", "<s>", "</em>", "<a>", "<img alt=x />",
  };

  @Test
  void mutatedFragmentsAreRefusedOrReadAsJsoupDoes() {
    List<String> base = forumFragments(7, 60);
    SplittableRandom r = new SplittableRandom(20261202);
    int answered = 0;
    int tried = 0;
    for (String html : base) {
      if (html.isEmpty()) {
        continue;
      }
      for (int k = 0; k < 2; k++) {
        String m = mutate(html, r);
        assertNullOrSameAsJsoup(m);
        answered += FragmentText.extract(m) != null ? 1 : 0;
        tried++;
      }
    }
    assertThat(tried).isGreaterThan(2_000);
    // enough mutants are read by the scan for the comparison to test it, not only its refusals
    assertThat(answered).isGreaterThan(tried / 5);
    assertThat(answered).isLessThan(tried);
  }

  private static String mutate(String html, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(html);
    for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
      int at = r.nextInt(sb.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, SPLICES[r.nextInt(SPLICES.length)]);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(12)));
        default -> {
          int tagAt = sb.indexOf("<", at);
          if (tagAt >= 0) {
            sb.insert(tagAt, SPLICES[r.nextInt(SPLICES.length)]); // in front of markup, where nesting changes
          }
        }
      }
      if (sb.length() == 0) {
        sb.append('x');
      }
    }
    return sb.toString();
  }
}
