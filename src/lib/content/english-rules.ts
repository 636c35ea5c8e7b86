/**
 * The pairing of an English edition with its Chinese digest, which no single entry's schema can
 * see: the edition needs its digest, renders exactly that digest's figures, each once, adding
 * none, and keeps each value's qualifier. Used by the content check (with lines) and by
 * digests.ts (guarding a plain astro build).
 */
import type { ContentProblem } from './content-rules.ts';
import { explainEn } from './english-schema.ts';
import {
  ENGLISH_QUALIFIERS,
  readQualifiers,
  SENSE_NAMES,
  sensesMissingInEnglish,
  withoutEnglishQualifiers,
  type QualifierSense,
} from './value-qualifier.ts';

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

/** How a message suggests an English value with the qualifier of `sense`. */
function suggestion(sense: QualifierSense, value: string): string {
  if (sense === 'several') return 'e.g. "several", "dozens of" or "hundreds of"';
  const [first, second] = ENGLISH_QUALIFIERS[sense];
  const number = withoutEnglishQualifiers(value);
  return `e.g. "${first} ${number}" or "${second} ${number}"`;
}

/**
 * Every English value that drops the qualifier its figure's Chinese quote gives the number
 * (value-qualifier.ts): "突破100万" is "more than 1 million", never "1 million". Fields are the
 * edition's own ("figures[4].value"); figures the edition does not pair are pairingProblems'.
 */
export function englishQualifierProblems(
  file: string,
  edition: { figures: readonly { id: string; value: string }[] },
  digest: { figures: readonly { id: string; value: string; quote: string }[] },
): ContentProblem[] {
  const chinese = new Map(digest.figures.map((figure) => [figure.id, figure]));
  const problems: ContentProblem[] = [];
  edition.figures.forEach((figure, index) => {
    const source = chinese.get(figure.id);
    const reading = source && readQualifiers(source.value, source.quote);
    if (!reading) return;
    const missing = sensesMissingInEnglish(figure.value, reading);
    const [first] = missing;
    if (!first) return;
    const words = missing.map((qualifier) => `${qualifier.word} (${SENSE_NAMES[qualifier.sense]})`).join(', ');
    problems.push({
      file,
      field: `figures[${index}].value`,
      message: explainEn(
        `figure value "${figure.value}" leaves out the qualifier the Chinese quote gives its number: ${words}`,
        `the same qualifier in English, ${suggestion(first.sense, figure.value)}`,
      ),
    });
  });
  return problems;
}
