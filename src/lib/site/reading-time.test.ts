import { describe, expect, it } from 'vitest';
import { countCharacters, readingTime, visibleText } from './reading-time.ts';

describe('countCharacters', () => {
  it('counts Han characters one by one and Latin words and numbers as one each', () => {
    expect(countCharacters('大模型')).toBe(3);
    // 与模型共个 are five characters; GPT-4, LLaMA and 130 are one unit each.
    expect(countCharacters('GPT-4 与 LLaMA 模型共 130 个')).toBe(5 + 3);
  });

  it('ignores punctuation, Markdown markers and component tags', () => {
    expect(countCharacters('## 要点\n\n- **开放**，上线。')).toBe(6);
    expect(countCharacters('<Viewpoint who="刘聪" role="院长">观点</Viewpoint>')).toBe(2);
  });

  it('counts a link by its text, not its address', () => {
    expect(visibleText('[报告](https://example.org/x)')).toBe('报告');
  });
});

describe('readingTime', () => {
  it('rounds up to whole minutes at 400 characters a minute, at least one', () => {
    expect(readingTime('')).toEqual({ characters: 0, minutes: 1 });
    expect(readingTime('字'.repeat(400))).toEqual({ characters: 400, minutes: 1 });
    expect(readingTime('字'.repeat(401))).toEqual({ characters: 401, minutes: 2 });
  });
});
