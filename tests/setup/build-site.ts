/**
 * Builds the real site for the `site` test project, twice, each in its own scratch workspace:
 * the real content plus one draft digest (so tests can prove drafts appear nowhere), and the
 * real content plus a synthetic corpus (tests/setup/corpus.ts) large enough to paginate tag pages,
 * span several archive years and hold more digests than a feed carries.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { syntheticDigests } from './corpus.ts';
import { createWorkspace, projectRoot, runNodeScript } from './workspace.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The workspace the site was built in. */
    workspace: string;
    /** Its built output (dist/). */
    siteDir: string;
    /** Everything the build printed. */
    buildLog: string;
    /** The workspace of the build with the synthetic corpus added. */
    manyWorkspace: string;
    /** Its built output (dist/). */
    manySiteDir: string;
  }
}

/** Builds a workspace, or stops the test run with the build's own output. */
function build(workspace: string): string {
  const result = runNodeScript(workspace, 'scripts/build.ts');
  if (result.status !== 0) throw new Error(`The site in ${workspace} did not build:\n${result.output}`);
  return result.output;
}

export default function setup(project: TestProject): void {
  const workspace = createWorkspace('site', {
    'src/content/digests/draft-never-published.mdx': join(
      projectRoot,
      'tests/fixtures/draft/draft-never-published.mdx',
    ),
    // Its English edition follows the digest's draft flag: published nowhere either.
    'src/content/en/draft-never-published.mdx': join(projectRoot, 'tests/fixtures/draft/draft-never-published.en.mdx'),
  });
  project.provide('buildLog', build(workspace));
  project.provide('workspace', workspace);
  project.provide('siteDir', join(workspace, 'dist'));

  const manyWorkspace = createWorkspace('many-digests');
  for (const [path, text] of Object.entries(syntheticDigests())) writeFileSync(join(manyWorkspace, path), text);
  build(manyWorkspace);
  project.provide('manyWorkspace', manyWorkspace);
  project.provide('manySiteDir', join(manyWorkspace, 'dist'));
}
