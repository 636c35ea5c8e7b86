/**
 * The card font: Noto Sans SC from an installed npm package, read once per process. Cards never
 * fetch a font from the network, so a build works offline and draws every GB2312 hanzi.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as parseFont, type Font as ParsedFont } from 'fontkit';
import type { Font as SatoriFont } from 'satori';

/** The family name templates ask for; it must match the name given to satori below. */
export const CARD_FONT_FAMILY = 'Noto Sans SC';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** The two weights the templates use; any other weight would render with the nearest one. */
const FONT_FILES = [
  { weight: 400, file: '400Regular/NotoSansSC_400Regular.ttf' },
  { weight: 700, file: '700Bold/NotoSansSC_700Bold.ttf' },
] as const;

export interface CardFonts {
  /** Font options for satori; always the same Buffer objects, which satori caches parsed. */
  fonts: SatoriFont[];
  /** Whether any loaded font has a glyph for the code point. */
  coverage: (codePoint: number) => boolean;
  /** Identifies the font files (package name and version), for the render cache key. */
  version: string;
}

function installHint(what: string): string {
  return `${what}. Run \`npm ci\` to reinstall the dependencies (the card font comes from ${FONT_PACKAGE}).`;
}

/** Reads and parses the fonts of the package whose package.json is at `packageJsonPath`. */
export async function readCardFonts(packageJsonPath: string): Promise<CardFonts> {
  let manifest: { name: string; version: string };
  try {
    manifest = JSON.parse(await readFile(packageJsonPath, 'utf8')) as { name: string; version: string };
  } catch {
    throw new Error(installHint(`The card font package is missing: cannot read ${packageJsonPath}`));
  }
  const packageDir = dirname(packageJsonPath);
  const loaded: { font: SatoriFont; parsed: ParsedFont }[] = [];
  // One file after the other, so a missing font is always reported by the same name.
  for (const { weight, file } of FONT_FILES) {
    const path = join(packageDir, file);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      throw new Error(installHint(`The card font file is missing: ${path}`));
    }
    const parsed = parseFont(data);
    // A TTC collection would parse as several fonts; satori rejects those too.
    if (!('hasGlyphForCodePoint' in parsed)) {
      throw new Error(installHint(`The card font file is a font collection, not a single font: ${path}`));
    }
    loaded.push({ font: { name: CARD_FONT_FAMILY, data, weight, style: 'normal' }, parsed });
  }
  return {
    fonts: loaded.map(({ font }) => font),
    // Satori falls back from one loaded font to the next, so a glyph in any of them is drawn.
    coverage: (codePoint) => loaded.some(({ parsed }) => parsed.hasGlyphForCodePoint(codePoint)),
    version: `${manifest.name}@${manifest.version}`,
  };
}

let cardFonts: Promise<CardFonts> | undefined;

/**
 * The card fonts, read once per process: satori caches a parsed font by its Buffer object, and
 * re-reading the 10 MB files for each card costs about 330 ms and gigabytes of memory.
 */
export function loadCardFonts(): Promise<CardFonts> {
  if (!cardFonts) {
    let packageJsonPath: string;
    try {
      packageJsonPath = createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`);
    } catch {
      return Promise.reject(new Error(installHint(`The card font package ${FONT_PACKAGE} is not installed`)));
    }
    // A failed load is forgotten, so a later call after `npm ci` can succeed without a restart.
    cardFonts = readCardFonts(packageJsonPath).catch((error: unknown) => {
      cardFonts = undefined;
      throw error;
    });
  }
  return cardFonts;
}
