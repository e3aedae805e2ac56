package io.jvcstreaming.simulator.model;

import java.util.List;

/**
 * A message body in all the forms the simulator needs, built together so they cannot disagree.
 *
 * @param html       the body as served inside {@code .messageUser__msg} (spec §4), quotes included
 * @param ownHtml    the body without its leading quote: what a later message nests when it quotes this one
 * @param raw        the author's source markup, the payload's {@code text} (quotes as {@code > } lines, bare image URLs)
 * @param text       the expected clean text of spec §4 (what a correct parser extracts)
 * @param stickers   the expected sticker list of spec §4
 * @param quoteDepth how many blockquotes are nested at the deepest point (bounds page size)
 */
public record GeneratedBody(String html, String ownHtml, String raw, String text, List<String> stickers, int quoteDepth) {

  public GeneratedBody {
    stickers = List.copyOf(stickers);
  }
}
