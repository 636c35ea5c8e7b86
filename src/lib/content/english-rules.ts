/**
 * The pairing of an English edition with its Chinese digest, which no single entry's schema can
 * see: the edition needs its digest, and renders exactly that digest's figures, each once, adding
 * none. Used by the content check (with lines) and by digests.ts (guarding a plain astro build).
 */
import type { ContentProblem } from './content-rules.ts';
import { explainEn } from './english-schema.ts';

/** Where a Chinese digest lives, for messages: the English edition's id is its file name. */
export const chineseDigestFile = (id: string) => `src/content/digests/${id}.mdx`;

/** Where an English edition lives. */
export const englishEditionFile = (id: string) => `src/content/en/${id}.mdx`;

/**
 * Every way `edition` fails to pair with its Chinese digest (`digest` undefined when there is
 * none). Fields are the edition's own: "figures[2].id", or "figures" for a figure left out.
 */
export function pairingProblems(
  file: string,
  id: string,
  edition: { figures: readonly { id: string }[] },
  digest: { figures: readonly { id: string }[] } | undefined,
): ContentProblem[] {
  if (!digest) {
    return [
      {
        file,
        field: '(file name)',
        message: explainEn(
          `there is no Chinese digest ${chineseDigestFile(id)} for this English edition`,
          'the file name of an existing digest: src/content/en/<id>.mdx beside src/content/digests/<id>.mdx',
        ),
      },
    ];
  }
  const problems: ContentProblem[] = [];
  const known = digest.figures.map((figure) => figure.id);
  const knownSet = new Set(known);
  const seen = new Set<string>();
  edition.figures.forEach((figure, index) => {
    const field = `figures[${index}].id`;
    if (!knownSet.has(figure.id)) {
      problems.push({
        file,
        field,
        message: explainEn(
          `figure id "${figure.id}" is not a figure of ${chineseDigestFile(id)}`,
          `one of ${known.join(', ')}: an English edition translates its digest's figures and adds none of its own`,
        ),
      });
    } else if (seen.has(figure.id)) {
      problems.push({
        file,
        field,
        message: explainEn(`figure id "${figure.id}" appears twice`, 'each figure of the Chinese digest once'),
      });
    }
    seen.add(figure.id);
  });
  for (const missing of known.filter((figureId) => !seen.has(figureId))) {
    problems.push({
      file,
      field: 'figures',
      message: explainEn(
        `figure "${missing}" of ${chineseDigestFile(id)} has no English entry`,
        `an entry with id: ${missing}, value, label and quoteTranslation`,
      ),
    });
  }
  return problems;
}
