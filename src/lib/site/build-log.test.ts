import { describe, expect, it } from 'vitest';
import { cardsLine, peakMemoryLine, readBuildLog } from './build-log.ts';

describe('build log lines', () => {
  it('reads back what it prints, step by step, among the other lines of a build', () => {
    const output = [
      '内容检查通过：5 篇摘要。',
      cardsLine({ drawn: 60, fromCache: 0 }, '/project/.cache/cards'),
      '12:00:00   ├─ /digests/a/index.html (restored) 12:00:00   ├─ /about/index.html (+3ms) ',
      '12:00:00   ├─ /email/a.html (restored)',
      '12:00:01 [build] 96 page(s) built in 4.2s',
      `\n${cardsLine({ drawn: 0, fromCache: 60 }, '.cache/cards')}`,
      '构建完成，已发布到 dist/。',
      peakMemoryLine(713.6),
    ].join('\n');
    expect(readBuildLog(output)).toEqual({
      cards: [
        { drawn: 60, fromCache: 0 },
        { drawn: 0, fromCache: 60 },
      ],
      peakMemoryMb: 714,
      restored: ['/digests/a/index.html', '/email/a.html'],
    });
  });

  it('prints the lines a reader of the log expects', () => {
    expect(cardsLine({ drawn: 3, fromCache: 25 }, '.cache/cards')).toBe(
      'Cards: 3 drawn, 25 from the cache (.cache/cards)',
    );
    expect(peakMemoryLine(812)).toBe('Peak memory: 812 MB');
  });

  it('finds nothing in a log that has neither line', () => {
    expect(readBuildLog('构建失败。\nError: something\n')).toEqual({
      cards: [],
      peakMemoryMb: undefined,
      restored: [],
    });
  });

  it('reads a cache folder whose name has spaces or parentheses', () => {
    expect(readBuildLog(cardsLine({ drawn: 1, fromCache: 2 }, '/tmp/my (old) cache')).cards).toEqual([
      { drawn: 1, fromCache: 2 },
    ]);
  });
});
