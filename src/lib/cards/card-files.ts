/**
 * Draws the site's cards and posters during a build: checks every character of both against the
 * font first (satori would draw a missing one as an empty box, silently), then draws each at
 * most once, through the on-disk cache and on every core, for the build's list of images, the
 * feeds and, in `astro dev`, the card and poster routes alike.
 */
import { createCardCache, damagedEntriesLine } from './cache.ts';
import { loadCardFonts } from './fonts.ts';
import { createCardPipeline, type CardPipeline } from './pipeline.ts';
import type { CardDrawing } from './render.ts';
import { ContentError } from '../content/content-rules.ts';
import { cardsLine } from '../site/build-log.ts';
import { mapInBatches } from '../site/in-batches.ts';
import { pathInSite } from '../site/urls.ts';
import type { ShareImageFile } from './share-image-files.ts';
import {
  allPosters,
  allShareCards,
  cardGlyphProblems,
  metricCardGlyphProblems,
  type DigestLike,
  englishCardGlyphProblems,
  type EnglishDigestLike,
  type MetricLike,
  type ShareCard,
} from './share-cards.ts';

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

interface SiteImages {
  digests: readonly DigestLike[];
  english: readonly EnglishDigestLike[];
  site: string;
  cards: ShareCard[];
  posters: ShareCard[];
}

let prepared: Promise<SiteImages> | undefined;

async function prepare(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  site: string,
  english: readonly EnglishDigestLike[],
): Promise<SiteImages> {
  const { coverage } = await loadCardFonts();
  const problems = [
    ...digests.flatMap((digest) => cardGlyphProblems(digest, coverage)),
    ...metricCardGlyphProblems(metrics, digests, coverage),
    ...english.flatMap((edition) => englishCardGlyphProblems(edition, coverage)),
  ];
  if (problems.length > 0) throw new ContentError(problems);
  const cards = allShareCards(digests, metrics, english);
  const posters = allPosters(digests, site);
  await (await cardPipeline()).queue([...cards, ...posters].map(drawingOf));
  return { digests, english, site, cards, posters };
}

/**
 * Every card and poster of the site, after proving the font can draw every character of each,
 * and with everything the cache lacks already being drawn in the pool: cards and posters are
 * queued together, whichever route Astro builds first, so the pool starts once and never runs
 * dry between the two. Astro then asks for the images one at a time, and each request only
 * awaits its own. The content check reports the same glyph problems earlier; this guards a
 * plain `astro build`.
 */
function siteImages(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  site: string,
  english: readonly EnglishDigestLike[],
): Promise<SiteImages> {
  if (!prepared) return (prepared = prepare(digests, metrics, site, english));
  return prepared.then((images) =>
    images.digests === digests && images.english === english && images.site === site
      ? images
      : (prepared = prepare(digests, metrics, site, english)),
  );
}

/** Every card of the site (see `siteImages`); `site` is the deployed site, for the posters' QR codes. */
export async function drawableShareCards(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  site: string,
  english: readonly EnglishDigestLike[],
): Promise<ShareCard[]> {
  return (await siteImages(digests, metrics, site, english)).cards;
}

/** Every poster of the site, each with a QR code of its page on `site` (see `siteImages`). */
export async function drawablePosters(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  site: string,
  english: readonly EnglishDigestLike[],
): Promise<ShareCard[]> {
  return (await siteImages(digests, metrics, site, english)).posters;
}

/** The PNG of a card or poster, drawn or taken from the cache once per build. */
export async function drawCard(shareCard: ShareCard): Promise<Uint8Array> {
  return (await cardPipeline()).png(drawingOf(shareCard));
}

/**
 * Every card and poster of the site with the cache file that holds it, once every one is
 * drawn: the list a build publishes the images from (share-image-files.ts). Then it says how
 * much work the cache saved (a rebuild should draw none).
 */
export async function shareImageFileList(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  site: string,
  english: readonly EnglishDigestLike[],
): Promise<ShareImageFile[]> {
  const { cards, posters } = await siteImages(digests, metrics, site, english);
  const pipeline = await cardPipeline();
  // Every miss is already being drawn in the pool; a hit is a small read (one at a time, the
  // reads took ~5 s at 1,000 digests).
  const files = await mapInBatches([...cards, ...posters], async (image) => ({
    path: pathInSite(image.path),
    file: await pipeline.file(drawingOf(image)),
  }));
  console.log(`\n${cardSummary()}`);
  const damaged = damagedEntriesLine(cache);
  if (damaged) console.warn(damaged);
  return files;
}

/** "Cards: 3 drawn, 25 from the cache (.cache/cards)", posters included, for the build log. */
export function cardSummary(): string {
  const { rendered, fromCache } = started?.stats ?? { rendered: 0, fromCache: 0 };
  return cardsLine({ drawn: rendered, fromCache }, cache.dir);
}
