// @ts-check
/**
 * The import rules of src/lib (docs/architecture.md): data flows one way, site/ at the bottom, then
 * content/, then the concerns built on it, then checks/ over everything. `npm run lint:deps`
 * checks them inside `npm test`; tests/repo/dependency-rules.test.ts shows each one fails.
 */

/** Folders of src/lib (`a|b`), as a path pattern. @param {string} folders */
const lib = (folders) => `^src/lib/(${folders})/`;

/**
 * The concerns above content/, and what each may import besides site/ and content/.
 * @type {Record<string, string[]>}
 */
const CONCERNS = {
  figures: [],
  cards: ['figures'],
  search: [],
  feeds: ['cards', 'figures'],
  email: ['feeds', 'cards', 'figures'],
};
const ALL_CONCERNS = Object.keys(CONCERNS);

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const concernRules = Object.entries(CONCERNS).map(([concern, allowed]) => {
  const forbidden = [...ALL_CONCERNS.filter((other) => other !== concern && !allowed.includes(other)), 'checks'];
  return {
    name: `${concern}-imports-only-${['site', 'content', ...allowed].join('-')}`,
    comment: `lib/${concern}/ may import site/, content/${allowed.map((a) => `, ${a}/`).join('')} and itself only.`,
    severity: 'error',
    from: { path: lib(concern) },
    to: { path: lib(forbidden.join('|')) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle means two modules cannot be understood, tested or moved one without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-never-imports-ui',
      comment: 'src/lib is plain TypeScript: pages, layouts and components render what it returns.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(components|pages|layouts|dev|scripts)/' },
    },
    {
      name: 'site-imports-no-other-lib-folder',
      comment: 'lib/site/ (urls, dates, site facts, small helpers) is what every concern stands on.',
      severity: 'error',
      from: { path: '^src/lib/site/' },
      to: { path: '^src/lib/', pathNot: '^src/lib/site/' },
    },
    {
      name: 'content-imports-only-site',
      comment: 'lib/content/ (schema, rules, collection reading) knows nothing of what is built from it.',
      severity: 'error',
      from: { path: '^src/lib/content/' },
      to: { path: '^src/lib/', pathNot: '^src/lib/(content|site)/' },
    },
    ...concernRules,
    {
      name: 'browser-code-imports-only-site-and-search',
      comment: "src/scripts runs in the reader's browser: it may bundle pure helpers, never build-time code.",
      severity: 'error',
      from: { path: '^src/scripts/' },
      to: { path: '^src/lib/', pathNot: '^src/lib/(site|search)/' },
    },
    {
      name: 'browser-code-never-reads-the-build-environment',
      comment: "urls.ts and site.ts read SITE_URL from the build's environment, which a browser lacks.",
      severity: 'error',
      from: { path: '^src/scripts/' },
      to: { path: '^src/lib/site/(site|urls)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Type-only imports count: a type import across concerns couples them just the same.
    exclude: { path: '^(dist|dist\\.staging|\\.astro|\\.cache|\\.test-output)/' },
  },
};
