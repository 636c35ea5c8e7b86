import { describe, expect, it } from 'vitest';
import { sampleDigest } from './fixtures.ts';
import { emailText } from './text.ts';

describe('emailText', () => {
  const text = emailText(sampleDigest, { site: 'https://news.example.com/', unsubscribeUrl: '{{unsubscribe_url}}' });

  it('starts with the title and description, and gives the page address', () => {
    const lines = text.split('\n');
    expect(lines[2]).toBe(sampleDigest.title);
    expect(lines[4]).toBe(sampleDigest.description);
    expect(text).toContain('2026年11月20日 · 在网站上阅读：https://news.example.com/digests/sample/');
  });

  it('carries the citation, each figure with its verbatim quote, and the body', () => {
    expect(text).toContain('摘自《白皮书》（白皮书）。');
    expect(text).toContain('超过140个 <https://news.example.com/digests/sample/#figure-count>：国内大模型数量');
    expect(text).toContain('原文：“国内已发布超过140个大模型”');
    expect(text).toContain('关键数字');
  });

  it('writes links out and leaves no HTML behind', () => {
    expect(text).toContain('政策 <https://news.example.com/tags/policy/>');
    expect(text).not.toMatch(/<(?!https:\/\/)[a-z/]/i);
  });

  it('ends with the feeds, the site and the unsubscribe placeholder', () => {
    expect(text).toContain('RSS https://news.example.com/rss.xml · JSON Feed https://news.example.com/feed.json');
    expect(text.trimEnd().endsWith('退订：{{unsubscribe_url}}')).toBe(true);
  });
});
