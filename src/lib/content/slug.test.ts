import { describe, expect, it } from 'vitest';
import { isSlug } from './slug.ts';

describe('isSlug', () => {
  it('accepts lower-case words, digits and single hyphens', () => {
    for (const id of ['policy', 'open-source', 'guangxi-briefing-2023', '2023']) expect(isSlug(id)).toBe(true);
  });

  it('refuses capitals, spaces, Chinese, doubled or edge hyphens and other punctuation', () => {
    for (const id of ['Policy', 'open source', '开源', 'open--source', '-open', 'open-', 'open_source', 'a/b', ''])
      expect(isSlug(id)).toBe(false);
  });
});
