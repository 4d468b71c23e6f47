import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectConfig } from '../../src/config/load-config.js';
import { generate } from '../../src/models/generate.js';
import { closedPortUrl } from '../support/openai-server.js';

// Temp folders live outside the project, so `import ... from 'stepwise'` only works
// through the alias the loader sets up.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-project-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TS_CONFIG = `import { defineConfig, defineAction } from 'stepwise';
import { z } from 'zod';

const shout = defineAction({
  name: 'Shout',
  schema: z.object({ times: z.number() }),
  execute: ({ content }: { content: string }): string => content.toUpperCase(),
});

export default defineConfig({
  actions: [shout],
  providers: { mirror: { languageModel: (id: string) => ({ id }) } },
  defaultModel: 'echo:all',
});
`;

describe('loadProjectConfig', () => {
  it('loads a TypeScript config from the workflow folder that imports from stepwise', async () => {
    writeFileSync(join(dir, 'stepwise.config.ts'), TS_CONFIG);
    const loaded = await loadProjectConfig(dir, join(dir, 'elsewhere'));
    expect(loaded.error).toBeNull();
    expect(loaded.file).toBe(join(dir, 'stepwise.config.ts'));
    expect(loaded.config?.defaultModel).toBe('echo:all');
    expect(loaded.config?.actions?.map((a) => a.name)).toEqual(['Shout']);
    expect(await loaded.config?.actions?.[0].execute({ props: { times: 1 }, content: 'hi', messages: [], signal: new AbortController().signal, write: () => {} })).toBe('HI');
  });

  it('falls back to the current folder, and prefers .ts over .mjs', async () => {
    const workflows = join(dir, 'workflows');
    mkdirSync(workflows);
    writeFileSync(join(dir, 'stepwise.config.mjs'), "export default { defaultModel: 'from-mjs' };\n");
    writeFileSync(join(dir, 'stepwise.config.ts'), "export default { defaultModel: 'echo' as string };\n");
    const loaded = await loadProjectConfig(workflows, dir);
    expect(loaded).toEqual({ config: { defaultModel: 'echo' }, file: join(dir, 'stepwise.config.ts'), error: null });
  });

  it('returns nulls when there is no config', async () => {
    expect(await loadProjectConfig(dir, dir)).toEqual({ config: null, file: null, error: null });
  });

  it('reports a file that fails to load instead of throwing', async () => {
    writeFileSync(join(dir, 'stepwise.config.js'), "throw new Error('boom at load');\n");
    const loaded = await loadProjectConfig(dir, dir);
    expect(loaded.config).toBeNull();
    expect(loaded.error).toBe(`cannot load ${join(dir, 'stepwise.config.js')}: boom at load; fix the error in that file`);
  });

  it('reports a config of the wrong shape with the file name', async () => {
    writeFileSync(join(dir, 'stepwise.config.mjs'), "export default { providers: { local: { baseURL: 'http://x/v1' } } };\n");
    const loaded = await loadProjectConfig(dir, dir);
    expect(loaded.error).toBe(
      `${join(dir, 'stepwise.config.mjs')}: provider \`local\` must be an AI SDK provider or { type: 'openai-compatible', baseURL: 'http://...' }`,
    );
  });

  it('picks up edits on the next load', async () => {
    const file = join(dir, 'stepwise.config.mjs');
    writeFileSync(file, "export default { defaultModel: 'echo' };\n");
    expect((await loadProjectConfig(dir, dir)).config?.defaultModel).toBe('echo');
    writeFileSync(file, "export default { defaultModel: 'echo:all' };\n");
    expect((await loadProjectConfig(dir, dir)).config?.defaultModel).toBe('echo:all');
  });

  it('a loaded provider is used by generate', async () => {
    const url = await closedPortUrl();
    writeFileSync(
      join(dir, 'stepwise.config.ts'),
      `import { defineConfig } from 'stepwise';\nexport default defineConfig({ providers: { local: { type: 'openai-compatible', baseURL: '${url}' } } });\n`,
    );
    const { config } = await loadProjectConfig(dir, dir);
    const error = await generate({ modelId: 'local:x', messages: [{ role: 'user', content: 'hi' }] }, { config, env: {} }).catch((e: Error) => e);
    expect((error as Error).message).toBe(`cannot reach ${url} (connection refused): is the server running? check the baseURL of provider \`local\``);
  });
});

describe('the transpiled-config cache', () => {
  let temp: string;
  let previousTmp: string | undefined;
  beforeEach(() => {
    previousTmp = process.env.TMPDIR;
    temp = mkdtempSync(join(tmpdir(), 'stepwise-tmp-'));
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(temp, { recursive: true, force: true });
  });

  const config = (model: string) => `import { defineConfig } from 'stepwise';\nexport default defineConfig({ defaultModel: '${model}' });\n`;
  const cached = () => readdirSync(join(temp, `stepwise-${process.getuid?.() ?? 'user'}`, 'jiti')).filter((name) => name.includes('stepwise.config'));

  it('keeps the transpiled config between starts, and an edit is read as it is', async () => {
    writeFileSync(join(dir, 'stepwise.config.ts'), config('echo:last'));
    expect((await loadProjectConfig(dir)).config?.defaultModel).toBe('echo:last');
    expect(cached()).toHaveLength(1);
    writeFileSync(join(dir, 'stepwise.config.ts'), config('echo:all'));
    expect((await loadProjectConfig(dir)).config?.defaultModel).toBe('echo:all');
    writeFileSync(join(dir, 'stepwise.config.ts'), config('echo:last'));
    expect((await loadProjectConfig(dir)).config?.defaultModel).toBe('echo:last');
    // one entry per config file, checked against the text it was made from
    expect(cached()).toHaveLength(1);
  });

  it('loads the config without a cache when the temp folder cannot hold one', async () => {
    const notAFolder = join(temp, 'file');
    writeFileSync(notAFolder, '');
    process.env.TMPDIR = notAFolder;
    writeFileSync(join(dir, 'stepwise.config.ts'), config('echo:all'));
    const loaded = await loadProjectConfig(dir);
    expect(loaded.error).toBeNull();
    expect(loaded.config?.defaultModel).toBe('echo:all');
  });
});
