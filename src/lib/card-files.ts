/**
 * Draws the site's cards during a build: checks every card's characters against the font first
 * (satori would draw a missing one as an empty box, silently), then draws each card at most
 * once, through the on-disk cache and on every core, for the card route and the feeds alike.
 */
import { createCardCache } from './cards/cache.ts';
import { loadCardFonts } from './cards/fonts.ts';
import { createCardPipeline, type CardPipeline } from './cards/pipeline.ts';
import type { CardDrawing } from './cards/render.ts';
import { ContentError } from './content-rules.ts';
import type { Digest, Metric } from './digests.ts';
import { allShareCards, cardGlyphProblems, metricCardGlyphProblems, type ShareCard } from './share-cards.ts';

const cache = createCardCache();
let pipeline: Promise<CardPipeline> | undefined;
/** The pipeline once started, for the summary line. */
let started: CardPipeline | undefined;

function cardPipeline(): Promise<CardPipeline> {
  // A failed font load is forgotten, so `astro dev` recovers after `npm ci` without a restart.
  pipeline ??= loadCardFonts()
    .then((fonts) => (started = createCardPipeline({ cache, fontsVersion: fonts.version })))
    .catch((error: unknown) => {
      pipeline = undefined;
      throw error;
    });
  return pipeline;
}

const drawingOf = ({ card, width, height }: ShareCard): CardDrawing => ({ card, width, height });

/**
 * Every card of the site, after proving the font can draw every character of every card, and
 * with every card the cache lacks already being drawn in the pool: Astro then asks for the
 * cards one at a time, and each request only awaits its own. The content check reports the
 * same glyph problems earlier; this guards a plain `astro build`.
 */
export async function drawableShareCards(digests: readonly Digest[], metrics: readonly Metric[]): Promise<ShareCard[]> {
  const { coverage } = await loadCardFonts();
  const problems = [
    ...digests.flatMap((digest) => cardGlyphProblems(digest, coverage)),
    ...metricCardGlyphProblems(metrics, digests, coverage),
  ];
  if (problems.length > 0) throw new ContentError(problems);
  const cards = allShareCards(digests, metrics);
  await (await cardPipeline()).queue(cards.map(drawingOf));
  return cards;
}

/** The PNG of a card, drawn or taken from the cache once per build. */
export async function drawCard(shareCard: ShareCard): Promise<Uint8Array> {
  return (await cardPipeline()).png(drawingOf(shareCard));
}

/** "Cards: 3 drawn, 25 from the cache (.cache/cards)", for the build log. */
export function cardSummary(): string {
  const { rendered, fromCache } = started?.stats ?? { rendered: 0, fromCache: 0 };
  return `Cards: ${rendered} drawn, ${fromCache} from the cache (${cache.dir})`;
}
