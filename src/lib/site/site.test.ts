import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from './site.ts';

describe('documentTitle', () => {
  it('appends the site name when it fits', () => {
    expect(documentTitle('国产大模型：从“生下来”到“用起来”', '百模观察')).toBe(
      '国产大模型：从“生下来”到“用起来” · 百模观察',
    );
  });

  it('drops the site name, then cuts a long title at a word boundary', () => {
    const title = "Behind more than 140 large models: China's models are still in “follower” mode";
    const cut = documentTitle(title, 'Hundred Models Watch');
    // The apostrophe is &#39; in the page: five characters of the 70.
    expect(cut).toBe("Behind more than 140 large models: China's models are still in…");
    expect(Array.from(cut.replace("'", '&#39;')).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(
      documentTitle('A short one that fits alone, but not with the site name after it', 'Hundred Models Watch'),
    ).toBe('A short one that fits alone, but not with the site name after it');
  });
});
