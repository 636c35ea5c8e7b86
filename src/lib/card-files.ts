/**
 * Draws the site's cards during a build: checks every card's characters against the font first
 * (satori would draw a missing one as an empty box, silently), then renders each card at most
 * once, through the on-disk cache, for the card route and the feeds alike.
 */
import { createCardCache, renderCached } from './cards/cache.ts';
import { loadCardFonts } from './cards/fonts.ts';
import { ContentError } from './content-rules.ts';
import type { Digest, Metric } from './digests.ts';
import { allShareCards, cardGlyphProblems, metricCardGlyphProblems, type ShareCard } from './share-cards.ts';

const cache = createCardCache();
const drawn = new Map<string, Promise<Uint8Array>>();

/**
 * Every card of the site, after proving the font can draw every character of every card. The
 * content check reports the same problems earlier; this guards a plain `astro build`.
 */
export async function drawableShareCards(digests: readonly Digest[], metrics: readonly Metric[]): Promise<ShareCard[]> {
  const { coverage } = await loadCardFonts();
  const problems = [
    ...digests.flatMap((digest) => cardGlyphProblems(digest, coverage)),
    ...metricCardGlyphProblems(metrics, digests, coverage),
  ];
  if (problems.length > 0) throw new ContentError(problems);
  return allShareCards(digests, metrics);
}

/** The PNG of a card, drawn or taken from the cache once per build. */
export function drawCard(shareCard: ShareCard): Promise<Uint8Array> {
  let png = drawn.get(shareCard.path);
  if (!png) {
    png = loadCardFonts().then((fonts) => renderCached(shareCard.card, fonts, cache));
    drawn.set(shareCard.path, png);
  }
  return png;
}

/** "Cards: 3 drawn, 25 from the cache (.cache/cards)", for the build log. */
export function cardSummary(): string {
  return `Cards: ${cache.stats.rendered} drawn, ${cache.stats.fromCache} from the cache (${cache.dir})`;
}
