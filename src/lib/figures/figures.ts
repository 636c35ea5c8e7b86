/**
 * Key figures across digests: which ones a card and a list show, and the same measure compared
 * across reports for the figures index.
 */
import type { ChartFigure } from './metric-chart.ts';
import { MAX_FEATURED_FIGURES, type Figure, type Source } from '../content/schema.ts';
import { shortCitation } from '../content/source.ts';
import { figurePath } from '../site/urls.ts';

/** The figures a card or list shows: the featured ones, or the first three if none is featured. */
export function featuredFigures<T extends Pick<Figure, 'featured'>>(figures: readonly T[]): T[] {
  const featured = figures.filter((figure) => figure.featured);
  return (featured.length > 0 ? featured : figures).slice(0, MAX_FEATURED_FIGURES);
}

export interface FigureInDigest<D> {
  digest: D;
  figure: Figure;
}

/**
 * For each metric, every figure that reports it, in the digests' order (newest first). Metrics
 * no figure reports are left out.
 */
export function figuresByMetric<D extends { data: { figures: readonly Figure[] } }>(
  metricIds: readonly string[],
  digests: readonly D[],
): { metricId: string; entries: FigureInDigest<D>[] }[] {
  return metricIds
    .map((metricId) => ({
      metricId,
      entries: digests.flatMap((digest) =>
        digest.data.figures.filter((figure) => figure.metric === metricId).map((figure) => ({ digest, figure })),
      ),
    }))
    .filter((group) => group.entries.length > 0);
}

/** Figures that belong to no metric, digest by digest. */
export function unmeasuredFigures<D extends { data: { figures: readonly Figure[] } }>(
  digests: readonly D[],
): FigureInDigest<D>[] {
  return digests.flatMap((digest) =>
    digest.data.figures.filter((figure) => figure.metric === undefined).map((figure) => ({ digest, figure })),
  );
}

/** What the figures index says about one metric before linking its page. */
export interface MetricSummary<D> {
  metricId: string;
  /** How many figures report the metric. */
  figureCount: number;
  /** How many digests (reports) those figures come from. */
  reportCount: number;
  /** The figure from the newest digest: what the latest report says. */
  latest: FigureInDigest<D>;
}

/**
 * One summary per metric that figures report, in figuresByMetric's order. No numeric range is
 * given: figures of one metric differ in unit (种, 个), scope and date, so a min–max would
 * compare what the reports themselves do not.
 */
export function metricSummaries<D extends { id: string; data: { figures: readonly Figure[] } }>(
  metricIds: readonly string[],
  digests: readonly D[],
): MetricSummary<D>[] {
  return figuresByMetric(metricIds, digests).flatMap(({ metricId, entries }) => {
    const [latest] = entries;
    if (!latest) return [];
    const reportCount = new Set(entries.map(({ digest }) => digest.id)).size;
    return [{ metricId, figureCount: entries.length, reportCount, latest }];
  });
}

/** A metric's figure as its chart draws it, linked to the figure's own page. */
export function chartFigureOf<D extends { id: string; data: { source: Source } }>({
  digest,
  figure,
}: FigureInDigest<D>): ChartFigure {
  return {
    key: `${digest.id}/${figure.id}`,
    value: figure.value,
    numeric: figure.numeric,
    unit: figure.unit,
    label: figure.label,
    asOf: figure.asOf,
    asOfDate: figure.asOfDate,
    source: shortCitation(digest.data.source),
    href: figurePath(digest.id, figure.id),
  };
}
