/** The metric pages: one per metric that figures report, with its figures and its chart. */
import { getContent, metricOf } from '../content/digests.ts';
import { metricChart } from './metric-chart.ts';
import { chartFigureOf, figuresByMetric } from './figures.ts';

/** One page per metric that figures report: its figures (newest digest first) and chart. */
export async function metricRoutes() {
  const content = await getContent();
  const groups = figuresByMetric(
    content.metrics.map((metric) => metric.id),
    content.digests,
  );
  return groups.map(({ metricId, entries }) => {
    const metric = metricOf(content, metricId);
    const chart = metricChart(
      { name: metric.data.name, unit: metric.data.unit, figures: entries.map(chartFigureOf) },
      `chart-${metricId}`,
    );
    return { params: { metric: metricId }, props: { metric, entries, chart } };
  });
}
