/**
 * The marks `npm run new` leaves for a contributor to replace. A draft may keep them; a
 * published digest may not, or the site would publish "待填写" as news.
 */
import { fieldName, type ContentProblem } from './content-rules.ts';
import { explain } from './schema.ts';

/** The text every placeholder of the template contains. */
export const PLACEHOLDER_MARK = '待填写';

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

const STILL_PLACEHOLDER = (excerpt: string) =>
  explain(`还是模板的占位文字"${excerpt}"`, '换成你自己的内容；还没写完就保留 draft: true，草稿不会发布');

/** Every string inside `value` that holds the mark, with its path. */
function markedStrings(value: unknown, path: (string | number)[]): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return value.includes(PLACEHOLDER_MARK) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markedStrings(item, [...path, index]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => markedStrings(item, [...path, key]));
  }
  return [];
}

const shorten = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/**
 * The template's placeholders still in a digest: marked frontmatter values, sample figure ids
 * and marked body lines. Call it for published digests only.
 */
export function placeholderPlaces(frontmatter: unknown, body: string): PlaceholderPlace[] {
  const places: PlaceholderPlace[] = markedStrings(frontmatter, []).map(({ path, text }) => ({
    path,
    message: STILL_PLACEHOLDER(shorten(text)),
  }));
  const figures = (frontmatter as { figures?: unknown } | null)?.figures;
  if (Array.isArray(figures)) {
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
    if (line.includes(PLACEHOLDER_MARK)) {
      places.push({ path: 'body', bodyLine: index + 1, message: STILL_PLACEHOLDER(shorten(line.trim())) });
    }
  });
  return places;
}

/** The same places as content problems without line numbers, for a build that has no YAML positions. */
export function placeholderProblems(file: string, frontmatter: unknown, body: string): ContentProblem[] {
  return placeholderPlaces(frontmatter, body).map((place) => ({
    file,
    field: place.path === 'body' ? 'body' : fieldName(place.path),
    message: place.message,
  }));
}
