/**
 * The chart on a metric's page: every figure of the metric that has a number, one row each,
 * ordered by when the report says it was true, drawn at build time by Observable Plot into an
 * SVG string. No JavaScript reaches the reader; the page's CSS colours the marks through classes,
 * so the chart follows the light and dark themes, and each mark links to its figure's page.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { HEDGE_LABELS, hedgeOf, type Hedge } from './hedge.ts';

/** One figure as the chart needs it: plain data, so tests build it inline. */
export interface ChartFigure {
  /** Unique within the chart, e.g. "digest-id/figure-id". */
  key: string;
  /** The value as the report writes it, e.g. "超过140个". */
  value: string;
  numeric?: number | undefined;
  unit?: string | undefined;
  label: string;
  /** The report's own words for when, e.g. "截至 2023 年 4 月". */
  asOf: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" when the report states it. */
  asOfDate?: string | undefined;
  /** The report, cited in one line. */
  source: string;
  /** The figure's own page. */
  href: string;
}

export interface MetricChartInput {
  /** The metric's name, e.g. "国内大模型数量". */
  name: string;
  /** The metric's unit, e.g. "个". */
  unit: string;
  figures: readonly ChartFigure[];
}

/** A figure placed on the chart, with what the chart read from it. */
export interface PlottedFigure extends ChartFigure {
  numeric: number;
  hedge: Hedge;
  /** The row's label: the stated time, or UNDATED. */
  when: string;
}

export interface MetricChart {
  /** The SVG markup, or undefined when no figure has a number. */
  svg: string | undefined;
  /** The figures drawn, top to bottom. */
  plotted: PlottedFigure[];
  /** The figures without `numeric`: listed beside the chart, never drawn. */
  unplotted: ChartFigure[];
}

/** The row label of a figure whose report gives no machine-readable time. */
export const UNDATED = '时点未注明';

/** The chart's drawing size in SVG units; the page scales it to its column (down to 360 px). */
export const CHART_WIDTH = 480;
const ROW_HEIGHT = 44;
const MARGIN = { top: 36, right: 24, bottom: 12, left: 112 };

/** "2023年", "2023年4月" or "2023年8月31日" for an asOfDate; UNDATED without one. */
export function whenLabel(asOfDate: string | undefined): string {
  if (!asOfDate) return UNDATED;
  const [year, month, day] = asOfDate.split('-').map(Number);
  return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
}

/**
 * Figures with a number, dated ones first from the earliest (a shorter date such as "2023" sorts
 * before "2023-04", its own start), then undated ones in the order given.
 */
export function chartOrder(figures: readonly ChartFigure[]): PlottedFigure[] {
  const plotted = figures.flatMap((figure) =>
    figure.numeric === undefined
      ? []
      : [{ ...figure, numeric: figure.numeric, hedge: hedgeOf(figure.value), when: whenLabel(figure.asOfDate) }],
  );
  const dated = plotted.filter((figure) => figure.asOfDate !== undefined);
  const undated = plotted.filter((figure) => figure.asOfDate === undefined);
  dated.sort((a, b) => (a.asOfDate ?? '').localeCompare(b.asOfDate ?? ''));
  return [...dated, ...undated];
}

/** What a mark's tooltip and accessible name say: the figure in full, with its hedge. */
function markTitle(figure: PlottedFigure): string {
  const hedge = figure.hedge === 'exact' ? '' : `（${HEDGE_LABELS[figure.hedge]}）`;
  return `${figure.value}${hedge}：${figure.label}，${figure.asOf}。${figure.source}`;
}

/** The chart's text alternative in one paragraph: what it shows and how the hedges are drawn. */
export function chartDescription(name: string, plotted: readonly PlottedFigure[]): string {
  const items = plotted.map((figure) => `${figure.when}，${figure.value}（${figure.source}）`).join('；');
  return (
    `${name}：${plotted.length} 个报告数字，按报告所说的时点由早到晚排列，未注明时点的排在最后。` +
    `实心圆点是报告给出的数值，带向右箭头的是下限，空心圆点是约数。${items}。`
  );
}

/**
 * Removes what the Content-Security-Policy would block (`style-src 'self'`): Plot's `<style>`
 * element and its inline `style` attributes. The page's stylesheet styles the chart instead.
 */
function withoutInlineStyles(svg: Element): void {
  for (const element of svg.querySelectorAll('style')) element.remove();
  for (const element of [svg, ...svg.querySelectorAll('[style]')]) element.removeAttribute('style');
}

/** Draws a metric's chart; see MetricChart. Pure: the same input gives the same SVG. */
export function metricChart(input: MetricChartInput, id: string): MetricChart {
  const plotted = chartOrder(input.figures);
  const unplotted = input.figures.filter((figure) => figure.numeric === undefined);
  if (plotted.length === 0) return { svg: undefined, plotted, unplotted };

  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const max = Math.max(...plotted.map((figure) => figure.numeric));
  // Room right of the largest value for its arrow and its label.
  const xMax = max * 1.45;
  const arrowLength = max * 0.12;
  const keys = plotted.map((figure) => figure.key);
  const whenOf = new Map(plotted.map((figure) => [figure.key, figure.when]));
  const byHedge = (hedge: Hedge) => plotted.filter((figure) => figure.hedge === hedge);
  const common = { y: 'key', href: 'href', title: markTitle } as const;

  const svg = Plot.plot({
    document,
    width: CHART_WIDTH,
    height: MARGIN.top + MARGIN.bottom + ROW_HEIGHT * plotted.length,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    className: 'metric-chart-plot',
    x: { domain: [0, xMax], axis: 'top', grid: true, label: `${input.name}（${input.unit}）`, ticks: 4 },
    y: { domain: keys, tickFormat: (key: string) => whenOf.get(key) ?? UNDATED, label: null },
    marks: [
      // Decorative marks are hidden from assistive technology; the dots and values carry the data.
      Plot.ruleX([0], { ariaHidden: 'true' }),
      Plot.ruleY(plotted, { y: 'key', x1: 0, x2: 'numeric', ariaHidden: 'true', className: 'chart-stem' }),
      // The arrow only shows the bound; its dot and value carry the link, so a keyboard reader
      // meets each figure twice at most.
      Plot.arrow(byHedge('at-least'), {
        x1: 'numeric',
        x2: (figure: PlottedFigure) => figure.numeric + arrowLength,
        y1: 'key',
        y2: 'key',
        headLength: 8,
        ariaHidden: 'true',
        strokeWidth: 2,
        className: 'chart-at-least',
      }),
      Plot.dot(byHedge('exact'), { ...common, x: 'numeric', r: 6, fill: 'currentColor', className: 'chart-exact' }),
      Plot.dot(byHedge('at-least'), {
        ...common,
        x: 'numeric',
        r: 6,
        fill: 'currentColor',
        className: 'chart-at-least',
      }),
      Plot.dot(byHedge('approximate'), {
        ...common,
        x: 'numeric',
        r: 6,
        strokeWidth: 2,
        className: 'chart-approximate',
      }),
      Plot.text(plotted, {
        ...common,
        x: (figure: PlottedFigure) => figure.numeric + (figure.hedge === 'at-least' ? arrowLength : 0),
        text: 'value',
        dx: 12,
        textAnchor: 'start',
        className: 'chart-value',
      }),
    ],
  });
  withoutInlineStyles(svg);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  // A title and a description, named by aria-labelledby, are what a screen reader announces; the
  // table after the chart is its full text alternative.
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${id}-title`);
  title.textContent = `${input.name}：各报告的数字对照图`;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = chartDescription(input.name, plotted);
  svg.prepend(title, desc);
  svg.setAttribute('id', id);
  // A group, not an image: role="img" would hide the marks' links from assistive technology.
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.removeAttribute('aria-label');
  svg.removeAttribute('aria-description');
  return { svg: svg.outerHTML, plotted, unplotted };
}
