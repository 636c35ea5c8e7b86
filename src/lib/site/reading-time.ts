/**
 * Reading time for Chinese text, counted in characters (字) as Chinese readers expect, not in
 * words. Latin words and numbers count as one unit each.
 */

/** Characters per minute for attentive reading of expository Chinese. */
export const CHARACTERS_PER_MINUTE = 400;

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*/gu;

/** Strips MDX/Markdown syntax that readers never see: imports, tags, link targets, markers. */
export function visibleText(mdx: string): string {
  return mdx
    .replace(/^\s*(?:import|export)\s.*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]/g, '');
}

/** The number of characters a reader reads: Han characters plus Latin words and numbers. */
export function countCharacters(mdx: string): number {
  const text = visibleText(mdx);
  return (text.match(HAN)?.length ?? 0) + (text.match(LATIN_WORD)?.length ?? 0);
}

/** Reading time: the character count and whole minutes, at least one. */
export function readingTime(mdx: string): { characters: number; minutes: number } {
  const characters = countCharacters(mdx);
  return { characters, minutes: Math.max(1, Math.ceil(characters / CHARACTERS_PER_MINUTE)) };
}
