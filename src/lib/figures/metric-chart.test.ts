import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartOrder, metricChart, UNDATED, whenLabel, type ChartFigure } from './metric-chart.ts';

const figure = (key: string, value: string, numeric: number | undefined, asOfDate?: string): ChartFigure => ({
  key,
  value,
  numeric,
  label: '国内大模型数量',
  asOf: asOfDate ?? '未注明',
  asOfDate,
  source: `《报告${key}》`,
  href: `/digests/${key}/figures/n/`,
});

const figures = [
  figure('d1', '超过140个', 140),
  figure('d2', '接近200 个', 200, '2023-11'),
  figure('d3', '130个', 130, '2023-07-31'),
  figure('d4', '超过100种', 100, '2023'),
  figure('d5', '千亿级', undefined, '2023'),
];

/** The chart parsed back into a DOM, as a browser would read it. */
function render(input: readonly ChartFigure[]) {
  const chart = metricChart({ name: '国内大模型数量', unit: '个', figures: input }, 'chart-test');
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svg ?? ''}</body></html>`);
  return { chart, svg: document.querySelector('svg') };
}

describe('whenLabel and chartOrder', () => {
  it('says the stated time at its precision, or that none is stated', () => {
    expect(whenLabel('2023')).toBe('2023年');
    expect(whenLabel('2023-04')).toBe('2023年4月');
    expect(whenLabel('2023-08-31')).toBe('2023年8月31日');
    expect(whenLabel(undefined)).toBe(UNDATED);
  });

  it('puts dated figures first, earliest first, and leaves out figures without a number', () => {
    expect(chartOrder(figures).map((item) => item.key)).toEqual(['d4', 'd3', 'd2', 'd1']);
  });
});

describe('metricChart', () => {
  it('draws one linked dot per numeric figure, with the hedge in its class', () => {
    const { svg } = render(figures);
    const dots = [...(svg?.querySelectorAll('circle') ?? [])];
    expect(dots).toHaveLength(4);
    const hedgeOfDot = (key: string) =>
      dots
        .find((dot) => dot.parentElement?.getAttribute('href') === `/digests/${key}/figures/n/`)
        ?.parentElement?.parentElement?.getAttribute('class');
    expect(hedgeOfDot('d1')).toBe('chart-at-least');
    expect(hedgeOfDot('d2')).toBe('chart-approximate');
    expect(hedgeOfDot('d3')).toBe('chart-exact');
    expect(hedgeOfDot('d4')).toBe('chart-at-least');
  });

  it('draws an arrow for each lower bound and labels every mark with the value as written', () => {
    const { svg } = render(figures);
    expect(svg?.querySelectorAll('.chart-at-least path')).toHaveLength(2);
    const values = [...(svg?.querySelectorAll('.chart-value a') ?? [])].map((link) => ({
      href: link.getAttribute('href'),
      text: link.querySelector('text')?.firstChild?.textContent,
    }));
    expect(values).toEqual([
      { href: '/digests/d4/figures/n/', text: '超过100种' },
      { href: '/digests/d3/figures/n/', text: '130个' },
      { href: '/digests/d2/figures/n/', text: '接近200 个' },
      { href: '/digests/d1/figures/n/', text: '超过140个' },
    ]);
    const rows = [...(svg?.querySelectorAll('[aria-label="y-axis tick label"] text') ?? [])].map(
      (row) => row.textContent,
    );
    expect(rows).toEqual(['2023年', '2023年7月31日', '2023年11月', UNDATED]);
  });

  it('is named by a title and a description, scales by its viewBox and carries no inline style', () => {
    const { svg, chart } = render(figures);
    expect(svg?.getAttribute('aria-labelledby')).toBe('chart-test-title chart-test-desc');
    expect(svg?.getAttribute('role')).toBe('group');
    expect(svg?.querySelector('title#chart-test-title')?.textContent).toBe('国内大模型数量：各报告的数字对照图');
    expect(svg?.querySelector('desc#chart-test-desc')?.textContent).toContain('2023年11月，接近200 个（《报告d2》）');
    expect(svg?.getAttribute('viewBox')).toMatch(/^0 0 480 \d+$/);
    expect(svg?.hasAttribute('width')).toBe(false);
    expect(chart.svg).not.toMatch(/style[=>]/);
    expect(svg?.querySelector('.chart-at-least circle title')?.textContent).toMatch(/下限/);
  });

  it('lists figures without a number instead of drawing them, and draws nothing when none has one', () => {
    expect(render(figures).chart.unplotted.map((item) => item.key)).toEqual(['d5']);
    const empty = render([figure('d5', '千亿级', undefined)]);
    expect(empty.chart.svg).toBeUndefined();
    expect(empty.chart.unplotted).toHaveLength(1);
  });
});
