import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { required } from './required-element.ts';

// linkedom gives <button> and <select> their own classes (a <form> is a plain HTMLElement there);
// the search page's browser tests run the same helper in Chromium on the real page.
const page = parseHTML('<html><body><button id="search-more"></button><p id="search-status"></p></body></html>');

describe('required', () => {
  it('returns the element, typed as asked', () => {
    const button = required('#search-more', page.HTMLButtonElement, page.document);
    expect(button).toBeInstanceOf(page.HTMLButtonElement);
    expect(button.id).toBe('search-more');
  });

  it('throws once, naming the selector and the kind, when the element is missing', () => {
    expect(() => required('#search-results', page.HTMLSelectElement, page.document)).toThrow(
      '页面缺少 #search-results（应为：HTMLSelectElement，实际是没有这个元素）',
    );
  });

  it('throws when the element is of another kind', () => {
    expect(() => required('#search-status', page.HTMLButtonElement, page.document)).toThrow(
      '页面缺少 #search-status（应为：HTMLButtonElement，实际是一个 <p>）',
    );
  });
});
