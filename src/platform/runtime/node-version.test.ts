import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMUM_NODE_VERSION, isSupportedNodeVersion, unsupportedNodeMessage } from './node-version.ts';

describe('supported Node.js versions', () => {
  it('accepts 22.12 and later, refuses what came before', () => {
    expect(isSupportedNodeVersion('24.22.3')).toBe(true);
    expect(isSupportedNodeVersion('22.12.0')).toBe(true);
    expect(isSupportedNodeVersion('v26.0.0')).toBe(true);
    expect(isSupportedNodeVersion('22.11.9')).toBe(false);
    expect(isSupportedNodeVersion('20.20.2')).toBe(false);
    expect(isSupportedNodeVersion('18.20.0')).toBe(false);
  });

  it('says the same as package.json and .nvmrc', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
    expect((await readFile('.nvmrc', 'utf8')).trim()).toBe('24');
  });

  it('explains in French what to install', () => {
    expect(unsupportedNodeMessage('v20.20.2')).toContain('Node.js 20.20.2 est trop ancien');
    expect(unsupportedNodeMessage('v20.20.2')).toContain('Node.js 24 LTS');
  });
});

describe('npm start on an old Node.js', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'eflc-node-ancien-'));
    // Every Node.js process of the command believes it is Node 20 (npm 11 still runs on it).
    await writeFile(join(directory, 'node-20.mjs'), "Object.defineProperty(process.versions, 'node', { value: '20.19.0' });\n");
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('stops at once with the French message, before opening any database', async () => {
    const dataDir = join(directory, 'base');
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, NODE_OPTIONS: `--import=${join(directory, 'node-20.mjs')}`, PGLITE_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('Node.js 20.19.0 est trop ancien');
    expect(output).toContain(`Il faut Node.js ${MINIMUM_NODE_VERSION} ou plus récent`);
    // Nothing ran after the check: the embedded database was never created.
    await expect(readFile(join(dataDir, 'PG_VERSION'))).rejects.toThrow();
  });
});
