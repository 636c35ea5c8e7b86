import { describe, expect, it } from 'vitest';
import { digestTemplate } from './digest-template.ts';
import { placeholderPlaces, placeholderProblems } from './placeholders.ts';

const template = digestTemplate({
  slug: 'new-report',
  reportTitle: '大模型相关情况',
  kind: 'government-briefing',
  authors: [],
  tags: ['policy'],
  date: new Date('2026-11-20T00:00:00Z'),
});

describe('placeholderPlaces', () => {
  it('finds every placeholder the template writes: fields, sample figure ids and body lines', () => {
    const [, frontmatterText = '', body = ''] = template.split(/^---$/m);
    const frontmatter = {
      title: '待填写：我们的标题',
      figures: [
        { id: 'figure-1', value: '待填写1', label: '国内大模型数量' },
        { id: 'model-count', value: '130个', label: '待填写：这个数字衡量什么' },
      ],
    };
    const places = placeholderPlaces(frontmatter, body);
    expect(places.filter((place) => place.path !== 'body').map((place) => place.path)).toEqual([
      ['title'],
      ['figures', 0, 'value'],
      ['figures', 1, 'label'],
      ['figures', 0, 'id'],
    ]);
    const bodyLines = places.filter((place) => place.path === 'body').map((place) => place.bodyLine);
    expect(bodyLines.length).toBeGreaterThanOrEqual(5);
    expect(frontmatterText).toContain('待填写');
    expect(places[0]?.message).toBe(
      '还是模板的占位文字"待填写：我们的标题"（应为：换成你自己的内容；还没写完就保留 draft: true，草稿不会发布）',
    );
    expect(places[3]?.message).toBe(
      'figure id "figure-1" 是模板的示例 id（应为：说明这个数字的 id，例如 model-count）',
    );
  });

  it('finds nothing in a finished digest', () => {
    expect(placeholderPlaces({ title: '国产大模型', figures: [{ id: 'model-count' }] }, '正文。\n')).toEqual([]);
  });
});

describe('placeholderProblems', () => {
  it('names the file and the field for a build that has no line numbers', () => {
    expect(placeholderProblems('src/content/digests/x.mdx', { description: '待填写' }, '')).toEqual([
      {
        file: 'src/content/digests/x.mdx',
        field: 'description',
        message: '还是模板的占位文字"待填写"（应为：换成你自己的内容；还没写完就保留 draft: true，草稿不会发布）',
      },
    ]);
  });
});
