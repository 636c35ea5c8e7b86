/**
 * A figure's value keeps the qualifier its quote gives the number: "上线14小时用户数量突破100万"
 * is "突破100万", never "100万", which a card would show as exactly a million. The quote is read
 * around the value's own number only: the words directly before its first number (超过、近、约、
 * 至少、上百、数十 …) and directly after its last one (多、余, or 以上、左右 … after a unit). Spaces
 * are ignored ("超 80 个", "接近200 个"), punctuation is not: "取得突破，3个" qualifies nothing.
 */

/** What a qualifier says about the number, so an English value can be held to the same meaning. */
export type QualifierSense = 'more' | 'nearly' | 'about' | 'at-least' | 'less' | 'at-most' | 'as-many-as' | 'several';

/** A qualifier word, and when the same characters are not one. */
interface QualifierWord {
  word: string;
  sense: QualifierSense;
  /** Characters that, written just before the word, make it part of another word (签约, 最近). */
  notAfter?: string;
  /** The number must begin with one of these characters (上百, 数十: never 上100 or 人数100). */
  onlyBefore?: string;
  /** Characters that, written just after the word, make it part of another word (多模态). */
  notBefore?: string;
}

/** Qualifiers written before a number; the longest that fits wins (接近 before 近). */
const BEFORE: readonly QualifierWord[] = [
  { word: '不超过', sense: 'at-most' },
  { word: '不少于', sense: 'at-least' },
  { word: '不低于', sense: 'at-least' },
  { word: '不到', sense: 'less' },
  { word: '不足', sense: 'less' },
  { word: '超过', sense: 'more' },
  { word: '超出', sense: 'more' },
  { word: '突破', sense: 'more' },
  { word: '高于', sense: 'more' },
  { word: '大于', sense: 'more' },
  { word: '多于', sense: 'more' },
  { word: '多达', sense: 'as-many-as' },
  { word: '接近', sense: 'nearly' },
  { word: '将近', sense: 'nearly' },
  { word: '大约', sense: 'about' },
  { word: '大概', sense: 'about' },
  { word: '至少', sense: 'at-least' },
  { word: '最少', sense: 'at-least' },
  { word: '至多', sense: 'at-most' },
  { word: '最多', sense: 'at-most' },
  { word: '低于', sense: 'less' },
  { word: '少于', sense: 'less' },
  { word: '小于', sense: 'less' },
  { word: '超', sense: 'more' },
  { word: '逾', sense: 'more' },
  // 最近三年, 附近: "recent" and "nearby", not "nearly".
  { word: '近', sense: 'nearly', notAfter: '最附' },
  // 签约100家, 预约, 节约…: an agreement or a saving, not "about".
  { word: '约', sense: 'about', notAfter: '签预节合制契条履违邀特相公简隐' },
  // 上百, 上千, 上万: "over a hundred"; 线上百万用户 is "online".
  { word: '上', sense: 'several', onlyBefore: '百千万亿', notAfter: '线网以之马世晚早海路身' },
  { word: '数', sense: 'several', onlyBefore: '十百千万亿' },
  { word: '几', sense: 'several', onlyBefore: '十百千万亿' },
];

/** Qualifiers written straight after a number: 50多个, 20余家. */
const RIGHT_AFTER: readonly QualifierWord[] = [
  // 千亿多模态大模型: 多 begins another word.
  { word: '多', sense: 'more', notBefore: '模元维端轮语任方' },
  { word: '余', sense: 'more' },
];

/** Qualifiers written after a number or after its unit: 100个以上, 10万左右. */
const AFTER_UNIT: readonly QualifierWord[] = [
  { word: '以上', sense: 'more' },
  { word: '以下', sense: 'at-most' },
  { word: '以内', sense: 'at-most' },
  { word: '左右', sense: 'about' },
  { word: '出头', sense: 'more' },
];

/** Measure words that may stand between a number and 以上/左右 (one or two: 美元). */
const UNIT_CHARACTERS = '个家种项次名位台款件元人年天月日周岁倍条所只篇部批例座吨度亩份套场美港欧';

/** Characters of a number: digits, Chinese numerals, a decimal point or thousands comma between digits, %. */
const NUMERAL = /[0-9０-９〇零一二两三四五六七八九十百千万亿兆半%％]/u;
const DIGIT = /[0-9０-９]/u;

/** A qualifier found in a quote, where it stands relative to the number. */
export interface QuoteQualifier {
  word: string;
  sense: QualifierSense;
  position: 'before' | 'after';
}

/** What the quote says around a value's number. */
export interface QualifierReading {
  /** Every qualifier the quote gives the number, carried by the value or not. */
  qualifiers: QuoteQualifier[];
  /** Those the value leaves out. */
  missing: QuoteQualifier[];
  /** The value as it should read: the quote's own words from the first qualifier to the last. */
  expected: string;
}

/** Text without white space, with each kept character's index in the original. */
function compact(text: string): { text: string; at: number[] } {
  let kept = '';
  const at: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (/\s/u.test(character)) continue;
    kept += character;
    at.push(index);
  }
  return { text: kept, at };
}

const isNumeral = (text: string, index: number): boolean => {
  const character = text[index] ?? '';
  if (NUMERAL.test(character)) return true;
  // 3.5 and 1,000: a point or comma counts only between two digits.
  return /[.,]/u.test(character) && DIGIT.test(text[index - 1] ?? '') && DIGIT.test(text[index + 1] ?? '');
};

/** The [start, end) of the first and last runs of numerals in `text`, or undefined if it has none. */
function numberRuns(text: string): { first: [number, number]; last: [number, number] } | undefined {
  const runs: [number, number][] = [];
  for (let index = 0; index < text.length;) {
    if (!isNumeral(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isNumeral(text, index)) index += 1;
    runs.push([start, index]);
  }
  const [first, last] = [runs[0], runs.at(-1)];
  return first && last ? { first, last } : undefined;
}

/**
 * The longest qualifier that ends at `numberStart` of `text`, or just before a 有 there
 * ("至少有 19 家", "约有100家"), with its start.
 */
function qualifierBefore(text: string, numberStart: number): { word: QualifierWord; start: number } | undefined {
  let found: { word: QualifierWord; start: number } | undefined;
  for (const bridge of ['', '有']) {
    const end = numberStart - bridge.length;
    if (text.slice(end, numberStart) !== bridge) continue;
    for (const word of BEFORE) {
      const start = end - word.word.length;
      if (start < 0 || text.slice(start, end) !== word.word) continue;
      if (word.notAfter?.includes(text[start - 1] ?? '\0')) continue;
      if (word.onlyBefore && (bridge !== '' || !word.onlyBefore.includes(text[numberStart] ?? '\0'))) continue;
      if (!found || word.word.length > found.word.word.length) found = { word, start };
    }
    if (found) return found;
  }
  return found;
}

/** The qualifier that follows the number ending at `numberEnd` of `text`, with its end. */
function qualifierAfter(text: string, numberEnd: number): { word: QualifierWord; end: number } | undefined {
  for (const word of RIGHT_AFTER) {
    if (!text.startsWith(word.word, numberEnd)) continue;
    if (word.notBefore?.includes(text[numberEnd + word.word.length] ?? '\0')) continue;
    return { word, end: numberEnd + word.word.length };
  }
  for (let unitLength = 0; unitLength <= 2; unitLength += 1) {
    const unit = text.slice(numberEnd, numberEnd + unitLength);
    if ([...unit].some((character) => !UNIT_CHARACTERS.includes(character))) break;
    const word = AFTER_UNIT.find((candidate) => text.startsWith(candidate.word, numberEnd + unitLength));
    if (word) return { word, end: numberEnd + unitLength + word.word.length };
  }
  return undefined;
}

/** Reads one place the value stands in the quote (compacted coordinates). */
function readAt(quote: { text: string; at: number[] }, original: string, start: number, value: string) {
  const end = start + value.length;
  const runs = numberRuns(value);
  if (!runs) return undefined;
  const before = qualifierBefore(quote.text, start + runs.first[0]);
  const after = qualifierAfter(quote.text, start + runs.last[1]);
  const qualifiers: (QuoteQualifier & { carried: boolean })[] = [];
  if (before) {
    qualifiers.push({
      word: before.word.word,
      sense: before.word.sense,
      position: 'before',
      carried: before.start >= start,
    });
  }
  if (after) {
    qualifiers.push({ word: after.word.word, sense: after.word.sense, position: 'after', carried: after.end <= end });
  }
  const from = Math.min(start, before?.start ?? start);
  const to = Math.max(end, after?.end ?? end);
  const expected = original.slice(quote.at[from], (quote.at[to - 1] ?? 0) + 1);
  return {
    qualifiers: qualifiers.map(({ word, sense, position }) => ({ word, sense, position })),
    missing: qualifiers
      .filter((qualifier) => !qualifier.carried)
      .map(({ word, sense, position }) => ({ word, sense, position })),
    expected,
  };
}

/**
 * The qualifiers `quote` gives the number of `value`, and which of them the value leaves out.
 * Undefined when the value has no number or does not stand in the quote (whitespace aside):
 * the schema reports a value missing from its quote on its own. Where the value stands in the
 * quote more than once, the place that leaves out the fewest qualifiers is the one read.
 */
export function readQualifiers(value: string, quote: string): QualifierReading | undefined {
  const compactQuote = compact(quote);
  const compactValue = compact(value).text;
  if (compactValue === '') return undefined;
  let best: QualifierReading | undefined;
  for (
    let start = compactQuote.text.indexOf(compactValue);
    start !== -1;
    start = compactQuote.text.indexOf(compactValue, start + 1)
  ) {
    const reading = readAt(compactQuote, quote, start, compactValue);
    if (reading && (!best || reading.missing.length < best.missing.length)) best = reading;
  }
  return best;
}

/** How an English value may say each sense; the first two are what messages suggest. */
export const ENGLISH_QUALIFIERS: Record<QualifierSense, readonly string[]> = {
  more: [
    'more than',
    'over',
    'above',
    'exceeding',
    'in excess of',
    'upwards of',
    'passed',
    'topped',
    'surpassed',
    'or more',
    '-odd',
    '-plus',
    'plus',
  ],
  nearly: ['nearly', 'almost', 'close to', 'approaching', 'just under'],
  about: ['about', 'around', 'approximately', 'roughly', 'some', 'or so', 'circa'],
  'at-least': ['at least', 'no fewer than', 'no less than', 'not less than', 'a minimum of', 'or more'],
  less: ['less than', 'fewer than', 'under', 'below', 'short of'],
  'at-most': ['at most', 'up to', 'no more than', 'not more than', 'or fewer', 'or less', 'within'],
  'as-many-as': ['as many as', 'as much as', 'up to', 'no fewer than'],
  several: [
    'several',
    'dozens',
    'scores',
    'hundreds',
    'thousands',
    'millions',
    'billions',
    'tens of',
    'over',
    'more than',
  ],
};

/** The English words of each sense, as messages name it. */
export const SENSE_NAMES: Record<QualifierSense, string> = {
  more: 'more than',
  nearly: 'nearly',
  about: 'about',
  'at-least': 'at least',
  less: 'less than',
  'at-most': 'at most',
  'as-many-as': 'as many as',
  several: 'several / hundreds of',
};

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A wording of a qualifier as a pattern: whole words, case aside ("-odd" hangs on a number). */
const phrasePattern = (phrase: string, flags = 'iu') =>
  new RegExp(`${phrase.startsWith('-') ? '' : '\\b'}${escaped(phrase)}\\b`, flags);

/** Whether an English value says `sense` in one of its usual wordings. */
export function saysInEnglish(englishValue: string, sense: QualifierSense): boolean {
  return ENGLISH_QUALIFIERS[sense].some((phrase) => phrasePattern(phrase).test(englishValue));
}

/** An English value with every qualifier wording taken out: "more than 200" is "200". */
export function withoutEnglishQualifiers(englishValue: string): string {
  const phrases = [...new Set(Object.values(ENGLISH_QUALIFIERS).flat())].sort((a, b) => b.length - a.length);
  return phrases
    .reduce((value, phrase) => value.replace(phrasePattern(phrase, 'giu'), ' '), englishValue)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The senses the quote gives a value's number that an English value does not say. */
export function sensesMissingInEnglish(englishValue: string, reading: QualifierReading): QuoteQualifier[] {
  const seen = new Set<QualifierSense>();
  return reading.qualifiers.filter((qualifier) => {
    if (seen.has(qualifier.sense)) return false;
    seen.add(qualifier.sense);
    return !saysInEnglish(englishValue, qualifier.sense);
  });
}
