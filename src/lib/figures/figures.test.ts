import { describe, expect, it } from 'vitest';
import { featuredFigures, figuresByMetric, metricSummaries, unmeasuredFigures } from './figures.ts';
import type { Figure } from '../content/schema.ts';

const figure = (id: string, extra: Partial<Figure> = {}): Figure => ({
  id,
  value: '1个',
  label: id,
  asOf: '未注明',
  quote: '1个',
  featured: false,
  ...extra,
});

describe('featuredFigures', () => {
  it('returns the featured figures', () => {
    const figures = [figure('a'), figure('b', { featured: true }), figure('c', { featured: true })];
    expect(featuredFigures(figures).map((f) => f.id)).toEqual(['b', 'c']);
  });

  it('falls back to the first three when none is featured', () => {
    expect(featuredFigures(['a', 'b', 'c', 'd'].map((id) => figure(id))).map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('figuresByMetric', () => {
  const digests = [
    { id: 'new', data: { figures: [figure('count', { metric: 'model-count' }), figure('users')] } },
    { id: 'old', data: { figures: [figure('total', { metric: 'model-count' })] } },
  ];

  it('sets the same measure from different digests side by side, in digest order', () => {
    const groups = figuresByMetric(['model-count', 'unused'], digests);
    expect(
      groups.map((group) => [group.metricId, group.entries.map((entry) => `${entry.digest.id}/${entry.figure.id}`)]),
    ).toEqual([['model-count', ['new/count', 'old/total']]]);
  });

  it('lists the figures that belong to no metric', () => {
    expect(unmeasuredFigures(digests).map((entry) => entry.figure.id)).toEqual(['users']);
  });
});

describe('metricSummaries', () => {
  it("counts figures and reports per metric and names the newest report's figure", () => {
    const digests = [
      {
        id: 'new',
        data: { figures: [figure('a', { metric: 'model-count' }), figure('b', { metric: 'model-count' })] },
      },
      { id: 'mid', data: { figures: [figure('users')] } },
      { id: 'old', data: { figures: [figure('c', { metric: 'model-count' }), figure('d', { metric: 'developers' })] } },
    ];
    const summaries = metricSummaries(['developers', 'model-count', 'unused'], digests);
    expect(
      summaries.map(({ metricId, figureCount, reportCount, latest }) => [
        metricId,
        figureCount,
        reportCount,
        `${latest.digest.id}/${latest.figure.id}`,
      ]),
    ).toEqual([
      ['developers', 1, 1, 'old/d'],
      ['model-count', 3, 2, 'new/a'],
    ]);
  });
});
