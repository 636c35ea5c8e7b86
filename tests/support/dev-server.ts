/** `astro dev` run as a contributor runs it: a child process on a free local port. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../setup/workspace.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The environment of a contributor's shell: none of the test runner's variables, which Astro reacts to. */
function contributorEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

export interface DevServer {
  baseUrl: string;
  /** Everything the server printed so far (its log is where it reports a broken page). */
  log: () => string;
  stop: () => void;
}

/** Starts `astro dev` in `root` and resolves once it answers; stop() ends it. */
export async function startDevServer(root: string): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...contributorEnvironment(), FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with code ${child.exitCode}`);
    try {
      await fetch(baseUrl);
      return { baseUrl, log: () => output, stop: () => child.kill() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill();
  throw new Error('astro dev did not answer within 30 seconds');
}
