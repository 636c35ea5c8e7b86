/**
 * The two card designs as satori element trees: plain `{ type, props }` objects, so no JSX
 * runtime is needed. Cards are read at thumbnail size in feed readers and chat apps, so the
 * hierarchy is blunt: a big red number, a short label, everything else small and quiet.
 * Posters are the same family in portrait, with a QR code of the page.
 * The card cache keys on this file's source (drawing-version.ts): a change here redraws every card.
 */
import {
  MAX_CARD_FIGURES,
  MAX_METRIC_CARD_ENTRIES,
  fitFontSize,
  type Card,
  type CardFigure,
  type DigestCard,
  type FigureCard,
  type MetricCard,
  type MetricCardEntry,
} from './card-data.ts';
import { CARD_FONT_FAMILY, LATIN_CARD_FONT_FAMILY } from './fonts.ts';
import { qrCodeImage } from './qr-code.ts';

type Style = Record<string, string | number>;

/** The pixel size a card is drawn at: the caller's choice (1200x630 for Open Graph). */
export interface CardSize {
  width: number;
  height: number;
}

/** A satori element: what React.createElement would have produced. */
export interface CardElement {
  type: string;
  props: { style: Style; children?: CardChild | CardChild[]; src?: string; width?: number; height?: number };
}
type CardChild = CardElement | string;

/** The fixed words the templates draw, besides the card's own text (the glyph test covers them). */
export const CARD_LABELS = {
  digestKind: '报告摘要',
  figureKind: '关键数字',
  metricKind: '指标对照',
  source: '来源',
  digestTitle: '摘自',
  quoteOpen: '“',
  quoteClose: '”',
  scanToRead: '扫码阅读全文',
} as const;

/** The same words on an English edition's card. */
export const ENGLISH_CARD_LABELS = {
  digestKind: 'REPORT DIGEST',
  source: 'Source',
} as const;

/**
 * An ink frame with a red header band and a paper panel: the ink edge stays visible on white
 * feed backgrounds and the paper panel on dark ones, so the card never dissolves into either.
 */
const COLOR = {
  ink: '#14213d',
  accent: '#a3261b',
  paper: '#fbfaf7',
  text: '#14213d',
  muted: '#5b6170',
  rule: '#e2ddd3',
  onAccent: '#ffffff',
  onAccentSoft: '#f3d3cd',
  onInk: '#e9e6df',
  onInkMuted: '#9aa3b5',
} as const;

const FRAME = 14;
const PANEL_PADDING_X = 52;
const FIGURE_GAP = 28;
/** The red rule left of each figure, and the space after it. */
const FIGURE_RULE = 6;
const FIGURE_INDENT = 20;

/** The width of the paper panel's content at a given card width. */
function contentWidth(size: CardSize): number {
  return size.width - 2 * FRAME - 2 * PANEL_PADDING_X;
}

/** The width of each of `count` columns set side by side across the panel, with gaps between. */
function columnWidth(size: CardSize, count: number): number {
  return (contentWidth(size) - FIGURE_GAP * (count - 1)) / count;
}

/** What is left for text beside a rule (see `ruled`) in a box `width` wide. */
function besideRule(width: number): number {
  return width - FIGURE_RULE - FIGURE_INDENT;
}

function box(style: Style, ...children: CardChild[]): CardElement {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/**
 * The vertical rule that marks a block as one figure (red) or as the report's words (a quiet
 * line): the rule on the left edge, the content indented after it.
 */
function ruled(color: string): Style {
  return { paddingLeft: FIGURE_INDENT, borderLeft: `${FIGURE_RULE}px solid ${color}` };
}

/**
 * A text block cut to `lines` lines with an ellipsis. Satori 0.63 implements `lineClamp` on
 * block boxes, so headlines are clamped by the real line breaks, not by a character guess.
 */
function clampedText(text: string, lines: number, style: Style): CardElement {
  return { type: 'div', props: { style: { display: 'block', lineClamp: lines, ...style }, children: text } };
}

/**
 * A figure's value, never clamped: a number cut to "下降约…" would mislead, so a value too long
 * even at the smallest size wraps onto a second line instead, inside a long number if it must
 * ("1,234,567,890,123" has no other break), rather than run out of its column.
 */
function valueText(value: string, style: Style): CardElement {
  return {
    type: 'div',
    props: {
      style: { display: 'block', fontWeight: 700, color: COLOR.accent, wordBreak: 'break-word', ...style },
      children: value,
    },
  };
}

/** The report's own words in quotation marks behind a quiet rule, cut to `lines` lines. */
function quoteBlock(quote: string, lines: number, style: Style): CardElement {
  return clampedText(`${CARD_LABELS.quoteOpen}${quote}${CARD_LABELS.quoteClose}`, lines, {
    ...ruled(COLOR.rule),
    color: COLOR.text,
    ...style,
  });
}

/** "摘自 <digest title>": the digest a figure comes from, in muted text. */
function digestTitleLine(digestTitle: string, lines: number, style: Style): CardElement {
  return box(
    { gap: 12, color: COLOR.muted, ...style },
    clampedText(CARD_LABELS.digestTitle, 1, { fontWeight: 700, flexShrink: 0 }),
    clampedText(digestTitle, lines, { flexShrink: 1 }),
  );
}

/** A figure's label (bold, up to two lines) over its as-of words (muted, one line). */
function labelAndAsOf(
  figure: CardFigure,
  label: { fontSize: number; lineHeight: number; marginTop?: number },
  asOfSize: number,
): CardElement[] {
  return [
    clampedText(figure.label, 2, { fontWeight: 700, ...label }),
    clampedText(figure.asOf, 1, { fontSize: asOfSize, lineHeight: 1.4, color: COLOR.muted, marginTop: 6 }),
  ];
}

/** `tracking` spaces the masthead: wide for hanzi, slight for a Latin name, which is already long. */
function headerBand(siteName: string, kind: string, tracking = 4): CardElement {
  return box(
    {
      height: 78,
      flexShrink: 0,
      alignItems: 'center',
      justifyContent: 'space-between',
      padding: `0 ${PANEL_PADDING_X}px`,
      backgroundColor: COLOR.accent,
      color: COLOR.onAccent,
    },
    box(
      { alignItems: 'center', gap: 16 },
      // A small paper square as the masthead's mark, so the brand reads even at 300 px.
      box({ width: 18, height: 18, backgroundColor: COLOR.paper }),
      clampedText(siteName, 1, { fontSize: 34, fontWeight: 700, letterSpacing: tracking }),
    ),
    clampedText(kind, 1, { fontSize: 26, fontWeight: 700, color: COLOR.onAccentSoft, letterSpacing: 2 }),
  );
}

/** The ink band at the foot of a card: one line of light text, after a label if there is one. */
function inkFooter(...children: CardElement[]): CardElement {
  return box(
    {
      height: 70,
      flexShrink: 0,
      alignItems: 'center',
      gap: 18,
      padding: `0 ${PANEL_PADDING_X - FRAME}px`,
      color: COLOR.onInk,
      fontSize: 24,
    },
    ...children,
  );
}

/** The line of an ink footer: it takes the room left and ends in an ellipsis if too long. */
const footerLine = (text: string) => clampedText(text, 1, { flexGrow: 1, flexShrink: 1, minWidth: 0 });

/** The ink footer: the source after its 来源 label, or a line of its own when `label` is null. */
function sourceFooter(sourceLine: string, label: string | null): CardElement {
  return inkFooter(
    ...(label === null ? [] : [clampedText(label, 1, { fontWeight: 700, color: COLOR.onInkMuted, flexShrink: 0 })]),
    footerLine(sourceLine),
  );
}

/**
 * The ink frame of cards and posters: ink on the sides and top (a card's footer band is ink
 * too, so it needs none at the bottom; a poster has ink on every side), fonts and text colour.
 */
function frame(size: CardSize, padding: string | number, fontFamily: string, ...children: CardChild[]): CardElement {
  return box(
    {
      width: size.width,
      height: size.height,
      boxSizing: 'border-box',
      flexDirection: 'column',
      padding,
      backgroundColor: COLOR.ink,
      fontFamily,
      color: COLOR.text,
    },
    ...children,
  );
}

/** A 1200x630 card: header band, paper panel, ink footer, in the card font unless given another. */
const cardFrame = (
  size: CardSize,
  header: CardElement,
  body: CardElement,
  footer: CardElement,
  fontFamily: string = CARD_FONT_FAMILY,
) => frame(size, `${FRAME}px ${FRAME}px 0`, fontFamily, header, body, footer);

function panel(style: Style, ...children: CardChild[]): CardElement {
  return box(
    {
      flexGrow: 1,
      flexDirection: 'column',
      boxSizing: 'border-box',
      padding: `36px ${PANEL_PADDING_X}px 40px`,
      backgroundColor: COLOR.paper,
      ...style,
    },
    ...children,
  );
}

/**
 * One of `count` columns side by side behind a red rule: the value at the foot of a band as
 * high as the largest value, so the text under the values starts on one line in every column
 * even when a long value had to shrink; then `below`.
 */
function valueColumn(
  value: string,
  count: number,
  size: CardSize,
  fontSize: { largest: number; smallest: number },
  ...below: CardElement[]
): CardElement {
  const width = columnWidth(size, count);
  const valueSize = fitFontSize(value, besideRule(width), fontSize.largest, fontSize.smallest);
  return box(
    { flexDirection: 'column', width, boxSizing: 'border-box', ...ruled(COLOR.accent) },
    box(
      { minHeight: Math.round(fontSize.largest * 1.15), alignItems: 'flex-end' },
      valueText(value, { fontSize: valueSize, lineHeight: 1.15 }),
    ),
    ...below,
  );
}

/** Columns side by side across the panel, top-aligned. */
const columns = (children: CardElement[]) => box({ gap: FIGURE_GAP, alignItems: 'flex-start' }, ...children);

/** Sizes for a row of two or three figures; a lone figure is drawn by `loneFigure`. */
function figureScale(count: number): { value: number; minValue: number; label: number; asOf: number } {
  return count === 2
    ? { value: 88, minValue: 44, label: 30, asOf: 22 }
    : { value: 80, minValue: 38, label: 28, asOf: 22 };
}

function figureColumn(figure: CardFigure, count: number, size: CardSize): CardElement {
  const scale = figureScale(count);
  return valueColumn(
    figure.value,
    count,
    size,
    { largest: scale.value, smallest: scale.minValue },
    ...labelAndAsOf(figure, { fontSize: scale.label, lineHeight: 1.3, marginTop: 8 }, scale.asOf),
  );
}

/** One figure gets the whole width: the value large on the left, its label and date beside it. */
function loneFigure(figure: CardFigure, size: CardSize): CardElement {
  const valueSize = fitFontSize(figure.value, contentWidth(size) * 0.55, 120, 64);
  return box(
    { alignItems: 'flex-end', gap: 32, ...ruled(COLOR.accent) },
    valueText(figure.value, { fontSize: valueSize, lineHeight: 1.05, flexShrink: 0 }),
    box(
      { flexDirection: 'column', flexShrink: 1, paddingBottom: 8 },
      ...labelAndAsOf(figure, { fontSize: 34, lineHeight: 1.3 }, 24),
    ),
  );
}

/** A headline gets more lines and a bigger size the fewer figures share the card with it. */
function headlineStyle(figureCount: number): { lines: number; fontSize: number } {
  if (figureCount === 0) return { lines: 3, fontSize: 64 };
  if (figureCount === 1) return { lines: 2, fontSize: 56 };
  return { lines: 2, fontSize: 50 };
}

/** The card of a digest: headline, up to three figures side by side, the source. */
export function digestCardElement(card: DigestCard, size: CardSize): CardElement {
  const figures = card.figures.slice(0, MAX_CARD_FIGURES);
  const headline = headlineStyle(figures.length);
  const [onlyFigure] = figures;
  const figureRow =
    figures.length > 1
      ? [columns(figures.map((figure) => figureColumn(figure, figures.length, size)))]
      : onlyFigure
        ? [loneFigure(onlyFigure, size)]
        : [];
  const english = card.language === 'en';
  const labels = english ? ENGLISH_CARD_LABELS : CARD_LABELS;
  return cardFrame(
    size,
    headerBand(card.siteName, labels.digestKind, english ? 1 : 4),
    panel(
      { justifyContent: 'space-between' },
      clampedText(card.headline, headline.lines, {
        fontSize: headline.fontSize,
        fontWeight: 700,
        // Latin capitals and descenders need less leading than hanzi.
        lineHeight: english ? 1.2 : 1.3,
        color: COLOR.text,
      }),
      ...figureRow,
    ),
    sourceFooter(card.sourceLine, card.unsourced ? null : labels.source),
    english ? LATIN_CARD_FONT_FAMILY : CARD_FONT_FAMILY,
  );
}

/** The card of one figure: the number very large, its label and date, the quote, the source. */
export function figureCardElement(card: FigureCard, size: CardSize): CardElement {
  const valueSize = fitFontSize(card.figure.value, contentWidth(size), 150, 72);
  return cardFrame(
    size,
    headerBand(card.siteName, CARD_LABELS.figureKind),
    panel(
      {},
      valueText(card.figure.value, { fontSize: valueSize, lineHeight: 1.05 }),
      box(
        { alignItems: 'baseline', gap: 20, marginTop: 14 },
        clampedText(card.figure.label, 1, { fontSize: 38, fontWeight: 700, flexShrink: 1 }),
        clampedText(card.figure.asOf, 1, { fontSize: 26, color: COLOR.muted, flexShrink: 0 }),
      ),
      quoteBlock(card.quoteExcerpt, 2, { marginTop: 'auto', fontSize: 28, lineHeight: 1.5 }),
      digestTitleLine(card.digestTitle, 1, { marginTop: 16, fontSize: 24 }),
    ),
    sourceFooter(card.sourceLine, CARD_LABELS.source),
  );
}

/** The side of a poster's QR code in pixels, about: the exact size is a whole multiple of its modules. */
const POSTER_QR_SIZE = 300;

/**
 * The foot of a poster: the source on the left, the QR code of the page with its caption on the
 * right. The code is drawn at a whole number of pixels per module, on white, so every module
 * edge falls on a pixel edge and a phone camera reads it off a screen.
 */
function posterFoot(sourceLine: string, url: string): CardElement {
  const qrCode = qrCodeImage(url);
  const side = Math.floor(POSTER_QR_SIZE / qrCode.modules) * qrCode.modules;
  return box(
    {
      flexShrink: 0,
      alignItems: 'flex-end',
      justifyContent: 'space-between',
      gap: 40,
      marginTop: 'auto',
      paddingTop: 32,
      borderTop: `2px solid ${COLOR.rule}`,
    },
    box(
      { flexDirection: 'column', flexShrink: 1, gap: 10, paddingBottom: 12, fontSize: 28, lineHeight: 1.5 },
      clampedText(CARD_LABELS.source, 1, { fontWeight: 700, color: COLOR.muted }),
      clampedText(sourceLine, 4, { color: COLOR.text }),
    ),
    box(
      { flexDirection: 'column', alignItems: 'center', flexShrink: 0, gap: 8 },
      { type: 'img', props: { src: qrCode.src, width: side, height: side, style: { width: side, height: side } } },
      clampedText(CARD_LABELS.scanToRead, 1, { fontSize: 28, fontWeight: 700, color: COLOR.text, letterSpacing: 4 }),
    ),
  );
}

/** A poster's frame: ink on every side, the header band, then the paper panel to the foot. */
function posterFrame(size: CardSize, kind: string, siteName: string, ...children: CardChild[]): CardElement {
  return frame(
    size,
    FRAME,
    CARD_FONT_FAMILY,
    headerBand(siteName, kind),
    panel({ padding: `48px ${PANEL_PADDING_X}px 44px` }, ...children),
  );
}

/** A figure row of a digest poster: the value in a left column, its label and date beside it. */
function posterFigureRow(figure: CardFigure, size: CardSize): CardElement {
  const valueColumnWidth = besideRule(Math.round(contentWidth(size) * 0.42));
  const valueSize = fitFontSize(figure.value, valueColumnWidth, 84, 44);
  return box(
    { alignItems: 'center', gap: 28, ...ruled(COLOR.accent) },
    box({ width: valueColumnWidth, flexShrink: 0 }, valueText(figure.value, { fontSize: valueSize, lineHeight: 1.1 })),
    box({ flexDirection: 'column', flexShrink: 1 }, ...labelAndAsOf(figure, { fontSize: 34, lineHeight: 1.35 }, 26)),
  );
}

/** The poster of a digest: headline, its featured figures one under the other, source and QR code. */
export function digestPosterElement(card: DigestCard, url: string, size: CardSize): CardElement {
  const figures = card.figures.slice(0, MAX_CARD_FIGURES);
  return posterFrame(
    size,
    CARD_LABELS.digestKind,
    card.siteName,
    clampedText(card.headline, figures.length > 0 ? 4 : 6, {
      fontSize: 62,
      fontWeight: 700,
      lineHeight: 1.3,
      color: COLOR.text,
    }),
    box({ flexDirection: 'column', gap: 40, marginTop: 56 }, ...figures.map((figure) => posterFigureRow(figure, size))),
    posterFoot(card.sourceLine, url),
  );
}

/** The poster of one figure: the number very large, label and date, the quote, the digest, source and QR code. */
export function figurePosterElement(card: FigureCard, url: string, size: CardSize): CardElement {
  const valueSize = fitFontSize(card.figure.value, contentWidth(size), 150, 72);
  return posterFrame(
    size,
    CARD_LABELS.figureKind,
    card.siteName,
    valueText(card.figure.value, { fontSize: valueSize, lineHeight: 1.05 }),
    clampedText(card.figure.label, 2, { fontSize: 44, fontWeight: 700, lineHeight: 1.3, marginTop: 18 }),
    clampedText(card.figure.asOf, 1, { fontSize: 30, color: COLOR.muted, marginTop: 8 }),
    quoteBlock(card.quoteExcerpt, 7, { marginTop: 40, fontSize: 34, lineHeight: 1.6 }),
    digestTitleLine(card.digestTitle, 2, { marginTop: 28, fontSize: 28, lineHeight: 1.45 }),
    posterFoot(card.sourceLine, url),
  );
}

/** The largest value size on a metric card: the more reports share it, the smaller. */
const metricValueSize = (count: number) => (count <= 2 ? 88 : count === 3 ? 76 : 64);

/** One report's column on a metric card: its value, its as-of words and the report. */
function metricColumn(entry: MetricCardEntry, count: number, size: CardSize): CardElement {
  return valueColumn(
    entry.value,
    count,
    size,
    { largest: metricValueSize(count), smallest: 34 },
    clampedText(entry.asOf, 2, { fontSize: 22, lineHeight: 1.35, color: COLOR.muted, marginTop: 8 }),
    clampedText(entry.source, 3, { fontSize: 22, fontWeight: 700, lineHeight: 1.35, marginTop: 10 }),
  );
}

/** The card of a metric: its name, each report's value side by side with its source. */
export function metricCardElement(card: MetricCard, size: CardSize): CardElement {
  const entries = card.entries.slice(0, MAX_METRIC_CARD_ENTRIES);
  return cardFrame(
    size,
    headerBand(card.siteName, CARD_LABELS.metricKind),
    panel(
      { justifyContent: 'space-between' },
      clampedText(card.metricName, 1, { fontSize: 54, fontWeight: 700, lineHeight: 1.25, color: COLOR.text }),
      columns(entries.map((entry) => metricColumn(entry, entries.length, size))),
    ),
    inkFooter(footerLine(card.summary)),
  );
}

/**
 * The element tree of any card, laid out for `size`: a card is designed at 1200x630, a poster
 * (a card with a `poster` link) at 1080x1440.
 */
export function cardElement(card: Card, size: CardSize): CardElement {
  if (card.kind === 'metric') return metricCardElement(card, size);
  if (card.poster) {
    return card.kind === 'digest'
      ? digestPosterElement(card, card.poster.url, size)
      : figurePosterElement(card, card.poster.url, size);
  }
  return card.kind === 'digest' ? digestCardElement(card, size) : figureCardElement(card, size);
}
