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
  cardTextFields,
  excerpt,
  type Card,
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

const cardFigure = (figure: Figure) => ({ value: figure.value, label: figure.label, asOf: figure.asOf });

/** The card data of a digest, for its card and its poster. */
function digestCardData(digest: DigestLike): DigestCard {
  return {
    kind: 'digest',
    siteName: SITE.name,
    headline: digest.data.title,
    sourceLine: shortCitation(digest.data.source),
    figures: featuredFigures(digest.data.figures).map(cardFigure),
  };
}

/** The card data of a figure, its quote cut to `quoteCharacters`. */
function figureCardData(digest: DigestLike, figure: Figure, quoteCharacters: number): FigureCard {
  return {
    kind: 'figure',
    siteName: SITE.name,
    figure: cardFigure(figure),
    quoteExcerpt: excerpt(figure.quote.replace(/\s+/g, ''), quoteCharacters, figure.value),
    sourceLine: shortCitation(digest.data.source),
    digestTitle: digest.data.title,
  };
}

/** The card of a digest: its headline, source and featured figures. */
export function digestShareCard(digest: DigestLike): ShareCard {
  return shareCard(digestCardPath(digest.id), digestCardData(digest), ownerOf(digest));
}

/** An English digest: an edition joined to its digest (content/english.ts). */
export interface EnglishDigestLike {
  id: string;
  data: EnglishDigestData;
}

/**
 * The card of an English digest: the digest card's design with its English headline and
 * figures; the as-of words and the report's title stay the report's own Chinese. The only
 * English image: English figure cards and posters would double the images of the editions for
 * little use (a figure's Chinese card already shows its number).
 */
export function englishDigestShareCard(english: EnglishDigestLike): ShareCard {
  return shareCard(
    englishDigestCardPath(english.id),
    {
      kind: 'digest',
      language: 'en',
      siteName: SITE_EN.name,
      headline: english.data.title,
      sourceLine: englishShortCitation(english.data.source),
      figures: featuredFigures(english.data.figures).map((figure) => ({
        value: figure.en.value,
        label: figure.en.label,
        asOf: figure.asOf,
      })),
    },
    englishEditionFile(english.id),
  );
}

/**
 * Characters of an English card the fonts cannot draw, on the edition's field ("title",
 * "figures[2].label") or, for the report's own words, the digest's, whose check names them.
 */
export function englishCardGlyphProblems(
  english: EnglishDigestLike,
  coverage: (codePoint: number) => boolean,
): ContentProblem[] {
  const shareCard = englishDigestShareCard(english);
  const card = shareCard.card;
  if (card.kind !== 'digest') return [];
  const editionIndex = (value: string) =>
    english.data.figures.find((figure) => figure.en.value === value)?.editionIndex ?? -1;
  const problems = new Map<string, ContentProblem>();
  for (const glyph of missingGlyphs(cardTextFields(card), coverage)) {
    // as-of words and the source line come from the Chinese digest, whose own check reports them.
    if (glyph.field === 'sourceLine' || glyph.field.endsWith('.asOf')) continue;
    const cardFigure = /^figures\[(\d+)\]\.(\w+)$/.exec(glyph.field);
    const field =
      glyph.field === 'headline'
        ? 'title'
        : cardFigure
          ? `figures[${editionIndex(card.figures[Number(cardFigure[1])]?.value ?? '')}].${cardFigure[2]}`
          : glyph.field;
    const key = `${field} ${glyph.character}`;
    if (problems.has(key)) continue;
    problems.set(key, {
      file: shareCard.owner,
      field,
      message: explainEn(
        `"${glyph.character}" (${formatCodePoint(glyph.codePoint)}) cannot be drawn on the share card ${shareCard.path}`,
        'ordinary text: the card fonts have no emoji or rare characters, which would show as empty boxes',
      ),
    });
  }
  return [...problems.values()];
}

/** The card of one key figure. */
export function figureShareCard(digest: DigestLike, figure: Figure): ShareCard {
  return shareCard(
    figureCardPath(digest.id, figure.id),
    figureCardData(digest, figure, QUOTE_EXCERPT_CHARACTERS),
    ownerOf(digest),
  );
}

function poster(path: string, card: Card, owner: string): ShareCard {
  return { path, card, alt: cardAltText(card), width: POSTER_WIDTH, height: POSTER_HEIGHT, owner };
}

/** The poster of a digest: its card's content in portrait, with a QR code of its page on `site`. */
export function digestPoster(digest: DigestLike, site: URL | string): ShareCard {
  const url = absoluteUrl(digestPath(digest.id), site);
  return poster(digestPosterPath(digest.id), { ...digestCardData(digest), poster: { url } }, ownerOf(digest));
}

/** The poster of a featured figure, with a longer excerpt of its quote and a QR code of its page. */
export function figurePoster(digest: DigestLike, figure: Figure, site: URL | string): ShareCard {
  const url = absoluteUrl(figurePath(digest.id, figure.id), site);
  return poster(
    figurePosterPath(digest.id, figure.id),
    { ...figureCardData(digest, figure, POSTER_QUOTE_EXCERPT_CHARACTERS), poster: { url } },
    ownerOf(digest),
  );
}

/** A digest's posters: its own and one per featured figure (the numbers the editor chose to push). */
export function digestPosters(digest: DigestLike, site: URL | string): ShareCard[] {
  return [
    digestPoster(digest, site),
    ...featuredFigures(digest.data.figures).map((figure) => figurePoster(digest, figure, site)),
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
 * The frontmatter field a card field comes from, so a message about a card names what the
 * contributor wrote: the digest card's "headline" is the digest's "title".
 */
export function frontmatterFieldOf(cardField: string, shareCard: ShareCard, digest?: DigestLike): string {
  const figureIndex = (value: string) => digest?.data.figures.findIndex((figure) => figure.value === value) ?? -1;
  const card = shareCard.card;
  if (cardField === 'headline' || cardField === 'digestTitle') return 'title';
  if (cardField === 'sourceLine') return 'source';
  const cardFigure = /^figures\[(\d+)\]\.(\w+)$/.exec(cardField);
  if (cardFigure && card.kind === 'digest') {
    const index = figureIndex(card.figures[Number(cardFigure[1])]?.value ?? '');
    return index >= 0 ? `figures[${index}].${cardFigure[2]}` : cardField;
  }
  if (card.kind === 'figure' && (cardField.startsWith('figure.') || cardField === 'quoteExcerpt')) {
    const index = figureIndex(card.figure.value);
    const field = cardField === 'quoteExcerpt' ? 'quote' : cardField.slice('figure.'.length);
    return index >= 0 ? `figures[${index}].${field}` : cardField;
  }
  return cardField;
}

/**
 * Every character of a digest's cards that the card font cannot draw, as content problems on the
 * frontmatter field the character comes from. Satori would draw each as an empty box.
 */
export function cardGlyphProblems(digest: DigestLike, coverage: (codePoint: number) => boolean): ContentProblem[] {
  const cards = [
    digestShareCard(digest),
    ...digest.data.figures.map((figure) => figureShareCard(digest, figure)),
    // A poster's URL is drawn as a QR code, never as text, so any site gives the same characters.
    ...digestPosters(digest, DEFAULT_SITE_URL),
  ];
  const problems = new Map<string, ContentProblem>();
  for (const shareCard of cards) {
    for (const glyph of missingGlyphs(cardTextFields(shareCard.card), coverage)) {
      const field = frontmatterFieldOf(glyph.field, shareCard, digest);
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
