/**
 * The marks `npm run new` leaves for a contributor to replace. A draft may keep them; a
 * published digest may not, or the site would publish "待填写" as news.
 */
import { fieldName, type ContentProblem } from './content-rules.ts';
import { explain } from './schema.ts';
import { explainEn } from './english-schema.ts';

/** The text every placeholder of the template contains. */
export const PLACEHOLDER_MARK = '待填写';

/** The same mark in the English edition's template, which English writers fill in. */
export const ENGLISH_PLACEHOLDER_MARK = 'TO WRITE';

/** How placeholders are marked and reported in a file of one language. */
interface PlaceholderLanguage {
  mark: string;
  stillPlaceholder: (excerpt: string) => string;
}

const CHINESE: PlaceholderLanguage = {
  mark: PLACEHOLDER_MARK,
  stillPlaceholder: (excerpt) =>
    explain(`还是模板的占位文字"${excerpt}"`, '换成你自己的内容；还没写完就保留 draft: true，草稿不会发布'),
};

/** The English edition is published with its Chinese digest, so it has no draft flag of its own. */
export const ENGLISH_PLACEHOLDERS: PlaceholderLanguage = {
  mark: ENGLISH_PLACEHOLDER_MARK,
  stillPlaceholder: (excerpt) =>
    explainEn(
      `still the template's placeholder "${excerpt}"`,
      'your own English text; the edition is published with its Chinese digest, so finish it first or keep that digest a draft',
    ),
};

/** The id the template gives its n-th sample figure. */
export const sampleFigureId = (n: number) => `figure-${n}`;

const SAMPLE_FIGURE_ID = /^figure-\d+$/;

/** Where a placeholder was found: a frontmatter field path, or a body line. */
export interface PlaceholderPlace {
  /** The field path, e.g. ['figures', 0, 'label'], or 'body'. */
  path: (string | number)[] | 'body';
  /** The body line (1-based within the body), for places in the body. */
  bodyLine?: number;
  message: string;
}

/** Every string inside `value` that holds the mark, with its path. */
function markedStrings(
  value: unknown,
  path: (string | number)[],
  mark: string,
): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return value.includes(mark) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markedStrings(item, [...path, index], mark));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => markedStrings(item, [...path, key], mark));
  }
  return [];
}

const shorten = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/**
 * The template's placeholders still in a digest: marked frontmatter values, sample figure ids
 * and marked body lines. Call it for published digests only.
 */
export function placeholderPlaces(
  frontmatter: unknown,
  body: string,
  language: PlaceholderLanguage = CHINESE,
): PlaceholderPlace[] {
  const places: PlaceholderPlace[] = markedStrings(frontmatter, [], language.mark).map(({ path, text }) => ({
    path,
    message: language.stillPlaceholder(shorten(text)),
  }));
  // An English edition's figure ids are its digest's, whose own check reports a sample id.
  const figures = (frontmatter as { figures?: unknown } | null)?.figures;
  if (language === CHINESE && Array.isArray(figures)) {
    figures.forEach((figure: unknown, index) => {
      const id = (figure as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && SAMPLE_FIGURE_ID.test(id)) {
        places.push({
          path: ['figures', index, 'id'],
          message: explain(`figure id "${id}" 是模板的示例 id`, '说明这个数字的 id，例如 model-count'),
        });
      }
    });
  }
  body.split(/\r?\n/).forEach((line, index) => {
    if (line.includes(language.mark)) {
      places.push({ path: 'body', bodyLine: index + 1, message: language.stillPlaceholder(shorten(line.trim())) });
    }
  });
  return places;
}

/** The same places as content problems without line numbers, for a build that has no YAML positions. */
export function placeholderProblems(
  file: string,
  frontmatter: unknown,
  body: string,
  language: PlaceholderLanguage = CHINESE,
): ContentProblem[] {
  return placeholderPlaces(frontmatter, body, language).map((place) => ({
    file,
    field: place.path === 'body' ? 'body' : fieldName(place.path),
    message: place.message,
  }));
}
