/**
 * Which cards the site has and what each shows: one per digest, one per key figure, one per
 * metric that figures report, one for the site; and which posters (portrait, with a QR code of
 * the page, for WeChat and Weibo): one per digest and one per featured figure. The card and
 * poster routes, the meta tags, the feeds, the pages' download links and the preview page all
 * read these lists, so a link can never point at an image that was not drawn.
 */
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  MAX_METRIC_CARD_ENTRIES,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  cardAltText,
  posterOf,
  excerpt,
  type Card,
  type CardFigure,
  type DigestCard,
  type FigureCard,
} from './card-data.ts';
import { formatCodePoint, missingGlyphs } from './glyphs.ts';
import type { ContentProblem } from '../content/content-rules.ts';
import { featuredFigures, figuresByMetric, type FigureInDigest } from '../figures/figures.ts';
import { explain, type DigestData, type Figure, type MetricData } from '../content/schema.ts';
import { explainEn } from '../content/english-schema.ts';
import { DEFAULT_SITE_URL, SITE, SITE_EN } from '../site/site.ts';
import { englishShortCitation, type EnglishDigestData } from '../content/english.ts';
import { englishEditionFile } from '../content/english-rules.ts';
import { bookTitle, shortCitation } from '../content/source.ts';
import {
  absoluteUrl,
  digestCardPath,
  digestPath,
  digestPosterPath,
  englishDigestCardPath,
  figureCardPath,
  figurePath,
  figurePosterPath,
  metricCardPath,
  siteCardPath,
} from '../site/urls.ts';

/** How much of a quote a figure card shows. */
const QUOTE_EXCERPT_CHARACTERS = 60;
/** How much of a quote a figure poster shows: about six of its seven lines (~25 characters each). */
const POSTER_QUOTE_EXCERPT_CHARACTERS = 150;

/** A card or poster to draw: where it is served, what it shows and who owns it (for error messages). */
export interface ShareCard {
  /** Site path of the PNG, e.g. "/cards/foo.png". */
  path: string;
  card: Card;
  /** Alt text that reads the card's content. */
  alt: string;
  width: number;
  height: number;
  /** The file whose content the card shows, for messages. */
  owner: string;
}

export interface DigestLike {
  id: string;
  filePath?: string | undefined;
  data: DigestData;
}

const ownerOf = (digest: DigestLike) => digest.filePath ?? `src/content/digests/${digest.id}.mdx`;

function shareCard(path: string, card: Card, owner: string): ShareCard {
  return { path, card, alt: cardAltText(card), width: CARD_WIDTH, height: CARD_HEIGHT, owner };
}

/**
 * A text a card draws, with the field of its content file the contributor wrote it in, e.g.
 * "figures[1].label": a message about a character the font lacks then names that field.
 */
export interface DrawnText {
  field: string;
  text: string;
}

/** Card data and every text it draws, each with its field, built together so neither can drift. */
interface DrawnCard<C extends Card> {
  card: C;
  texts: DrawnText[];
}

/** A figure as a card shows it, and its three texts as fields of the digest's `figures[index]`. */
function cardFigure(figure: Figure, index: number): { figure: CardFigure; texts: DrawnText[] } {
  const at = `figures[${index}]`;
  return {
    figure: { value: figure.value, label: figure.label, asOf: figure.asOf },
    texts: [
      { field: `${at}.value`, text: figure.value },
      { field: `${at}.label`, text: figure.label },
      { field: `${at}.asOf`, text: figure.asOf },
    ],
  };
}

/** The card data of a digest, for its card and its poster. */
function digestCardData(digest: DigestLike): DrawnCard<DigestCard> {
  const { figures } = digest.data;
  // Each featured figure keeps its own place in the list, even when two share a value.
  const shown = featuredFigures(figures).map((figure) => cardFigure(figure, figures.indexOf(figure)));
  const sourceLine = shortCitation(digest.data.source);
  return {
    card: {
      kind: 'digest',
      siteName: SITE.name,
      headline: digest.data.title,
      sourceLine,
      figures: shown.map((each) => each.figure),
    },
    texts: [
      { field: 'siteName', text: SITE.name },
      { field: 'title', text: digest.data.title },
      ...shown.flatMap((each) => each.texts),
      { field: 'source', text: sourceLine },
    ],
  };
}

/** The figure at `index` of a digest; callers pass only indexes of its own list. */
function figureAt(digest: DigestLike, index: number): Figure {
  const figure = digest.data.figures[index];
  if (!figure) throw new RangeError(`${ownerOf(digest)} has no figure at index ${index}`);
  return figure;
}

/** The card data of the figure at `index` of a digest, its quote cut to `quoteCharacters`. */
function figureCardData(digest: DigestLike, index: number, quoteCharacters: number): DrawnCard<FigureCard> {
  const figure = figureAt(digest, index);
  const shown = cardFigure(figure, index);
  const quoteExcerpt = excerpt(figure.quote.replace(/\s+/g, ''), quoteCharacters, figure.value);
  const sourceLine = shortCitation(digest.data.source);
  return {
    card: {
      kind: 'figure',
      siteName: SITE.name,
      figure: shown.figure,
      quoteExcerpt,
      sourceLine,
      digestTitle: digest.data.title,
    },
    texts: [
      { field: 'siteName', text: SITE.name },
      ...shown.texts,
      { field: `figures[${index}].quote`, text: quoteExcerpt },
      { field: 'title', text: digest.data.title },
      { field: 'source', text: sourceLine },
    ],
  };
}

/** A card or poster with every text it draws, each with its field (see DrawnText). */
export interface ShareCardTexts {
  shareCard: ShareCard;
  texts: DrawnText[];
}

/** The place of `figure` in its digest's list, by its id (unique within a digest). */
function figureIndexOf(digest: DigestLike, figure: Figure): number {
  const index = digest.data.figures.findIndex((each) => each.id === figure.id);
  if (index < 0) throw new RangeError(`${ownerOf(digest)} has no figure "${figure.id}"`);
  return index;
}

/** The places of the figures a digest's card and posters feature. */
const featuredIndexes = (digest: DigestLike) =>
  featuredFigures(digest.data.figures).map((figure) => figureIndexOf(digest, figure));

function digestCardWithTexts(digest: DigestLike): ShareCardTexts {
  const { card, texts } = digestCardData(digest);
  return { shareCard: shareCard(digestCardPath(digest.id), card, ownerOf(digest)), texts };
}

function figureCardWithTexts(digest: DigestLike, index: number): ShareCardTexts {
  const { card, texts } = figureCardData(digest, index, QUOTE_EXCERPT_CHARACTERS);
  const figureId = figureAt(digest, index).id;
  return { shareCard: shareCard(figureCardPath(digest.id, figureId), card, ownerOf(digest)), texts };
}

function digestPosterWithTexts(digest: DigestLike, site: URL | string): ShareCardTexts {
  const url = absoluteUrl(digestPath(digest.id), site);
  const { card, texts } = digestCardData(digest);
  return { shareCard: poster(digestPosterPath(digest.id), { ...card, poster: { url } }, ownerOf(digest)), texts };
}

function figurePosterWithTexts(digest: DigestLike, index: number, site: URL | string): ShareCardTexts {
  const figureId = figureAt(digest, index).id;
  const url = absoluteUrl(figurePath(digest.id, figureId), site);
  const { card, texts } = figureCardData(digest, index, POSTER_QUOTE_EXCERPT_CHARACTERS);
  return {
    shareCard: poster(figurePosterPath(digest.id, figureId), { ...card, poster: { url } }, ownerOf(digest)),
    texts,
  };
}

/**
 * Every card and poster of a digest with the texts each draws: its card, one card per figure,
 * its poster and one poster per featured figure.
 */
export function digestImagesWithTexts(digest: DigestLike, site: URL | string): ShareCardTexts[] {
  return [
    digestCardWithTexts(digest),
    ...digest.data.figures.map((_, index) => figureCardWithTexts(digest, index)),
    digestPosterWithTexts(digest, site),
    ...featuredIndexes(digest).map((index) => figurePosterWithTexts(digest, index, site)),
  ];
}

/** The card of a digest: its headline, source and featured figures. */
export function digestShareCard(digest: DigestLike): ShareCard {
  return digestCardWithTexts(digest).shareCard;
}

/** An English digest: an edition joined to its digest (content/english.ts). */
export interface EnglishDigestLike {
  id: string;
  data: EnglishDigestData;
}

/**
 * An English edition's card, with the texts it draws that the edition wrote, each on the
 * edition's own field ("title", "figures[2].label"). Its as-of words and source line come from
 * the Chinese digest, whose own check reports their characters.
 */
function englishCardWithTexts(english: EnglishDigestLike): ShareCardTexts {
  const figures = featuredFigures(english.data.figures);
  const card = shareCard(
    englishDigestCardPath(english.id),
    {
      kind: 'digest',
      language: 'en',
      siteName: SITE_EN.name,
      headline: english.data.title,
      sourceLine: englishShortCitation(english.data.source),
      figures: figures.map((figure) => ({ value: figure.en.value, label: figure.en.label, asOf: figure.en.asOf.text })),
    },
    englishEditionFile(english.id),
  );
  return {
    shareCard: card,
    texts: [
      { field: 'title', text: english.data.title },
      ...figures.flatMap((figure) => [
        { field: `figures[${figure.editionIndex}].value`, text: figure.en.value },
        { field: `figures[${figure.editionIndex}].label`, text: figure.en.label },
      ]),
    ],
  };
}

/** An English edition's share card: its English title and figures, in the cards' design. */
export function englishDigestShareCard(english: EnglishDigestLike): ShareCard {
  return englishCardWithTexts(english).shareCard;
}

/** Characters of an English card the fonts cannot draw, each on the edition's own field. */
export function englishCardGlyphProblems(
  english: EnglishDigestLike,
  coverage: (codePoint: number) => boolean,
): ContentProblem[] {
  const { shareCard, texts } = englishCardWithTexts(english);
  return missingGlyphs(texts, coverage).map((glyph) => ({
    file: shareCard.owner,
    field: glyph.field,
    message: explainEn(
      `"${glyph.character}" (${formatCodePoint(glyph.codePoint)}) cannot be drawn on the share card ${shareCard.path}`,
      'ordinary text: the card fonts have no emoji or rare characters, which would show as empty boxes',
    ),
  }));
}

/** The card of one key figure. */
export function figureShareCard(digest: DigestLike, figure: Figure): ShareCard {
  return figureCardWithTexts(digest, figureIndexOf(digest, figure)).shareCard;
}

function poster(path: string, card: Card, owner: string): ShareCard {
  return { path, card, alt: cardAltText(card), width: POSTER_WIDTH, height: POSTER_HEIGHT, owner };
}

/** The poster of a digest: its card's content in portrait, with a QR code of its page on `site`. */
export function digestPoster(digest: DigestLike, site: URL | string): ShareCard {
  return digestPosterWithTexts(digest, site).shareCard;
}

/** The poster of a featured figure, with a longer excerpt of its quote and a QR code of its page. */
export function figurePoster(digest: DigestLike, figure: Figure, site: URL | string): ShareCard {
  return figurePosterWithTexts(digest, figureIndexOf(digest, figure), site).shareCard;
}

/** A digest's posters: its own and one per featured figure (the numbers the editor chose to push). */
export function digestPosters(digest: DigestLike, site: URL | string): ShareCard[] {
  return [
    digestPoster(digest, site),
    ...featuredIndexes(digest).map((index) => figurePosterWithTexts(digest, index, site).shareCard),
  ];
}

/** Every poster of the site, in a stable order. */
export function allPosters(digests: readonly DigestLike[], site: URL | string): ShareCard[] {
  return digests.flatMap((digest) => digestPosters(digest, site));
}

/** The card for pages without one of their own: the newsletter and its latest numbers. */
export function siteShareCard(digests: readonly DigestLike[]): ShareCard {
  const figureCount = digests.reduce((count, digest) => count + digest.data.figures.length, 0);
  const newest = digests[0];
  return shareCard(
    siteCardPath,
    {
      kind: 'digest',
      siteName: SITE.name,
      headline: SITE.tagline,
      // The site cites no report of its own: its footer says what the site does instead.
      sourceLine: '逐篇精读研究报告、政府简报与媒体报道，每个数字注明原文出处',
      unsourced: true,
      figures: [
        {
          value: `${digests.length}篇`,
          label: '已发布的报告摘要',
          asOf: newest ? `最新：${newest.data.title}` : '尚无',
        },
        { value: `${figureCount}个`, label: '附原文出处的关键数字', asOf: '逐字照录报告原话' },
      ],
    },
    'src/lib/site/site.ts',
  );
}

export interface MetricLike {
  id: string;
  data: MetricData;
}

const METRICS_FILE = 'src/content/metrics.yaml';

/**
 * The card of a metric's page: its name and the values of the newest reports side by side, each
 * with its as-of words and its report. `entries` are the metric's figures, newest digest first.
 */
export function metricShareCard(metric: MetricLike, entries: readonly FigureInDigest<DigestLike>[]): ShareCard {
  const reportCount = new Set(entries.map(({ digest }) => digest.id)).size;
  const shown = entries.slice(0, MAX_METRIC_CARD_ENTRIES);
  const more = entries.length > shown.length ? `，卡片列出最新 ${shown.length} 个` : '';
  return shareCard(
    metricCardPath(metric.id),
    {
      kind: 'metric',
      siteName: SITE.name,
      metricName: metric.data.name,
      entries: shown.map(({ digest, figure }) => ({
        value: figure.value,
        asOf: figure.asOf,
        source: bookTitle(digest.data.source.title),
      })),
      summary: `共 ${entries.length} 个数字，来自 ${reportCount} 篇报告${more}；每个数字附报告原话`,
    },
    METRICS_FILE,
  );
}

/** The cards of every metric that figures report, in the order of metrics.yaml. */
export function metricShareCards(metrics: readonly MetricLike[], digests: readonly DigestLike[]): ShareCard[] {
  const metricById = new Map(metrics.map((metric) => [metric.id, metric]));
  return figuresByMetric(
    metrics.map((metric) => metric.id),
    digests,
  ).flatMap(({ metricId, entries }) => {
    const metric = metricById.get(metricId);
    return metric ? [metricShareCard(metric, entries)] : [];
  });
}

/** Every card of the site, in a stable order; the English digests' cards last. */
export function allShareCards(
  digests: readonly DigestLike[],
  metrics: readonly MetricLike[],
  english: readonly EnglishDigestLike[] = [],
): ShareCard[] {
  return [
    siteShareCard(digests),
    ...digests.flatMap((digest) => [
      digestShareCard(digest),
      ...digest.data.figures.map((figure) => figureShareCard(digest, figure)),
    ]),
    ...metricShareCards(metrics, digests),
    ...english.map(englishDigestShareCard),
  ];
}

/**
 * Characters of the metric cards the card font cannot draw. Values, as-of words and report
 * titles are checked on their digests' own cards already; what only a metric card shows is the
 * metric's name, from metrics.yaml.
 */
export function metricCardGlyphProblems(
  metrics: readonly MetricLike[],
  digests: readonly DigestLike[],
  coverage: (codePoint: number) => boolean,
): ContentProblem[] {
  const reported = new Set(metricShareCards(metrics, digests).map((shareCard) => shareCard.path));
  return metrics
    .filter((metric) => reported.has(metricCardPath(metric.id)))
    .flatMap((metric) =>
      missingGlyphs([{ field: `${metric.id}.name`, text: metric.data.name }], coverage).map((glyph) => ({
        file: METRICS_FILE,
        field: glyph.field,
        message: explain(
          `"${glyph.character}"（${formatCodePoint(glyph.codePoint)}）无法画在分享卡片 ${metricCardPath(metric.id)} 上`,
          '换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框',
        ),
      })),
    );
}

/**
 * Every character of a digest's cards that the card font cannot draw, as content problems on the
 * frontmatter field the character comes from. Satori would draw each as an empty box.
 */
export function cardGlyphProblems(digest: DigestLike, coverage: (codePoint: number) => boolean): ContentProblem[] {
  const problems = new Map<string, ContentProblem>();
  // A poster's URL is drawn as a QR code, never as text, so any site gives the same characters.
  for (const { shareCard, texts } of digestImagesWithTexts(digest, DEFAULT_SITE_URL)) {
    for (const glyph of missingGlyphs(texts, coverage)) {
      const { field } = glyph;
      const key = `${field} ${glyph.character}`;
      if (problems.has(key)) continue;
      problems.set(key, {
        file: shareCard.owner,
        field,
        message: explain(
          `"${glyph.character}"（${formatCodePoint(glyph.codePoint)}）无法画在分享${posterOf(shareCard.card) ? '海报' : '卡片'} ${shareCard.path} 上`,
          '换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框',
        ),
      });
    }
  }
  return [...problems.values()];
}
