/**
 * An English edition joined to its Chinese digest: the English words where the edition gives
 * them, everything else (report, dates, tags, each figure's quote and as-of) from the digest.
 * Pages, feeds and cards read this joined form, so nothing shared is ever read from two places.
 */
import type { DigestData, Figure, Source } from './schema.ts';
import { NOT_STATED, shortCitation } from './source.ts';
import { SITE_EN, type SiteLanguage } from '../site/site.ts';
import type { EnglishEditionData, EnglishFigure } from './english-schema.ts';

/**
 * A figure's as-of words on an English page: the report's own, in Chinese, or "not stated" where
 * the digest says 未注明, which is our word, not the report's.
 */
export interface EnglishAsOf {
  text: string;
  lang: SiteLanguage;
}

export const englishAsOf = (asOf: string): EnglishAsOf =>
  asOf === NOT_STATED['zh-CN'] ? { text: NOT_STATED.en, lang: 'en' } : { text: asOf, lang: 'zh-CN' };

/** A figure of the digest with its English rendering beside it. */
export interface PairedFigure extends Figure {
  /** The English value, label and our translation of `quote`, and the as-of words as English pages show them. */
  en: Omit<EnglishFigure, 'id'> & { asOf: EnglishAsOf };
  /** Where the English file lists it (its `figures[i]`), for messages about the English words. */
  editionIndex: number;
}

/** What an English page, feed item or card shows of one digest. */
export interface EnglishDigestData extends Omit<DigestData, 'title' | 'description' | 'figures'> {
  title: string;
  description: string;
  /** The digest's figures, in the digest's order, each with its English rendering. */
  figures: PairedFigure[];
  /** The Chinese digest's own title, for the link to it and for lang="zh-CN" mentions. */
  chineseTitle: string;
}

/**
 * Joins an edition to its digest. The content check has proven they pair (same figure ids); a
 * figure without English here means that proof was skipped, which is a bug, not bad content.
 */
export function pairEdition(digest: DigestData, edition: EnglishEditionData): EnglishDigestData {
  const english = new Map(edition.figures.map((figure, index) => [figure.id, { ...figure, index }]));
  return {
    ...digest,
    title: edition.title,
    description: edition.description,
    chineseTitle: digest.title,
    figures: digest.figures.map((figure) => {
      const en = english.get(figure.id);
      if (!en) throw new Error(`Figure "${figure.id}" has no English rendering: the pairing check did not run`);
      return {
        ...figure,
        en: {
          value: en.value,
          label: en.label,
          quoteTranslation: en.quoteTranslation,
          asOf: englishAsOf(figure.asOf),
        },
        editionIndex: en.index,
      };
    }),
  };
}

/** "《标题》 (white paper, 发布方)": the one-line citation of English cards (source.ts shortCitation). */
export function englishShortCitation(source: Source): string {
  return shortCitation(source, SITE_EN.lang);
}
