/**
 * Builds the real site once for the `site` test project, in a scratch workspace that adds one
 * draft digest, so tests can prove drafts appear nowhere.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createWorkspace, projectRoot, runNodeScript } from './workspace.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The workspace the site was built in. */
    workspace: string;
    /** Its built output (dist/). */
    siteDir: string;
    /** Everything the build printed. */
    buildLog: string;
  }
}

export default function setup(project: TestProject): void {
  const workspace = createWorkspace('site', {
    'src/content/digests/draft-never-published.mdx': join(
      projectRoot,
      'tests/fixtures/draft/draft-never-published.mdx',
    ),
  });
  const build = runNodeScript(workspace, 'scripts/build.ts');
  if (build.status !== 0) throw new Error(`The site did not build:\n${build.output}`);
  project.provide('workspace', workspace);
  project.provide('siteDir', join(workspace, 'dist'));
  project.provide('buildLog', build.output);
}
