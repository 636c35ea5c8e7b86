import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { sampleDigest } from './fixtures.ts';
import { emailHtml } from './html.ts';
import { CONTENT_WIDTH } from './styles.ts';

const options = { site: 'https://news.example.com/', unsubscribeUrl: '{{unsubscribe_url}}' };

function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html), 'element', (element) => void found.push(element));
  return found;
}

describe('emailHtml', () => {
  const html = emailHtml(sampleDigest, options);
  const all = elements(html);

  it('is a complete Chinese document with the digest title', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.find((e) => e.tagName === 'html')?.properties.lang).toBe('zh-CN');
    expect(html).toContain('<title>大模型“百模大战”：数量与备案</title>');
  });

  it('leaves no style, link or script element and no class attribute', () => {
    expect(all.filter((e) => ['style', 'link', 'script'].includes(e.tagName))).toEqual([]);
    expect(all.filter((e) => e.properties.className !== undefined)).toEqual([]);
  });

  it('inlines the site tokens as values, never as var()', () => {
    const styles = all.map((e) => String(e.properties.style ?? ''));
    expect(styles.join('')).not.toContain('var(');
    const column = all.find((e) => String(e.properties.style ?? '').includes('max-width: 640px'));
    expect(column?.properties.style).toContain("'PingFang SC'");
    expect(column?.properties.style).toContain('color: #1d1f23');
    const quote = all.find((e) => e.tagName === 'blockquote');
    expect(quote?.properties.style).toContain('border-left: 4px solid #a3261b');
  });

  it('keeps the card with its alt text, shrunk to the column with its ratio', () => {
    const card = all.find((e) => e.tagName === 'img');
    expect(card?.properties).toMatchObject({
      src: 'https://news.example.com/cards/sample.png',
      alt: '摘要卡片：百模大战',
      width: CONTENT_WIDTH,
      height: Math.round((630 * CONTENT_WIDTH) / 1200),
    });
    expect(card?.properties.style).toContain('max-width: 100%');
  });

  it('links the page, the feeds and the unsubscribe placeholder, every other link absolute', () => {
    const hrefs = all.flatMap((e) => (typeof e.properties.href === 'string' ? [e.properties.href] : []));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://news.example.com/digests/sample/',
        'https://news.example.com/rss.xml',
        'https://news.example.com/feed.json',
        '{{unsubscribe_url}}',
      ]),
    );
    expect(hrefs.filter((href) => href !== '{{unsubscribe_url}}' && !href.startsWith('https://'))).toEqual([]);
  });

  it('puts a configured unsubscribe URL in the footer', () => {
    const configured = emailHtml(sampleDigest, { ...options, unsubscribeUrl: 'https://list.example.com/u?id=1&x=2' });
    const links = elements(configured).filter((e) => e.tagName === 'a');
    expect(links.at(-1)?.properties.href).toBe('https://list.example.com/u?id=1&x=2');
  });
});
