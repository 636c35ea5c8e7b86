import { describe, expect, it } from 'vitest';
import { prepareFeedHtml, stripInvalidXmlCharacters } from './feed-html.ts';

const page = 'https://example.org/digests/a/';

describe('prepareFeedHtml', () => {
  it('makes links and images absolute against the page', () => {
    expect(prepareFeedHtml('<a href="/tags/policy/">政策</a><img src="card.png" alt="卡片">', page)).toBe(
      '<a href="https://example.org/tags/policy/">政策</a><img src="https://example.org/digests/a/card.png" alt="卡片">',
    );
    expect(prepareFeedHtml('<a href="#figure-x">数字</a>', page)).toBe(
      '<a href="https://example.org/digests/a/#figure-x">数字</a>',
    );
  });

  it('leaves absolute links alone and rewrites every srcset candidate', () => {
    expect(prepareFeedHtml('<img src="https://cdn.example/x.png" srcset="/a.png 1x, b.png 2x">', page)).toBe(
      '<img src="https://cdn.example/x.png" srcset="https://example.org/a.png 1x, https://example.org/digests/a/b.png 2x">',
    );
  });

  it('drops styles, scripts and Astro scoping attributes', () => {
    const html =
      '<style>p{}</style><figure class="viewpoint" data-astro-cid-abc><p onclick="x()">观点</p></figure><script>x()</script>';
    expect(prepareFeedHtml(html, page)).toBe('<figure><p>观点</p></figure>');
  });

  it('removes characters XML forbids but keeps Chinese, emoji and line breaks', () => {
    expect(prepareFeedHtml('<p>大模型\u0008数量\u000B\n🚀</p>', page)).toBe('<p>大模型数量\n🚀</p>');
  });
});

describe('stripInvalidXmlCharacters', () => {
  it('keeps tab, newline and valid surrogate pairs and drops lone surrogates', () => {
    expect(stripInvalidXmlCharacters('a\tb\nc\u0000d\uD800e𠀀')).toBe('a\tb\ncde𠀀');
  });
});

describe('markup inside attributes', () => {
  it('keeps a "<" inside a quoted attribute as attribute text, as Astro writes it', () => {
    const html = '<img alt="卡片：<script>alert(1)</script> & “引号”" src="/c.png"><p>正文</p>';
    expect(prepareFeedHtml(html, page)).toBe(
      '<img alt="卡片：<script>alert(1)</script> &#x26; “引号”" src="https://example.org/c.png"><p>正文</p>',
    );
  });
});
