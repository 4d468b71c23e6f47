import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSettingsStore } from '../../src/models/settings-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openSettingsStore', () => {
  it('makes the folder (0700) and the file (0600) readable by their owner only', () => {
    const folder = join(dir, 'nested', 'stepwise');
    openSettingsStore(join(folder, 'config.json'), { dotted: true }).set('openai.apiKey', 'sk-1');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'config.json')).mode & 0o777).toBe(0o600);
  });

  it('writes through a temp file that it renames, leaving nothing else in the folder', () => {
    const store = openSettingsStore(join(dir, 'config.json'), { dotted: true });
    store.set('openai.apiKey', 'sk-1');
    store.set('openai.baseURL', 'http://127.0.0.1:8080/v1');
    store.delete('openai.apiKey');
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{\n\t"openai": {\n\t\t"baseURL": "http://127.0.0.1:8080/v1"\n\t}\n}\n');
  });

  it('reading creates nothing; deleting what is not there writes nothing', () => {
    const store = openSettingsStore(join(dir, 'sub', 'config.json'), { dotted: true });
    expect(store.get('openai.apiKey')).toBeUndefined();
    store.delete('openai.apiKey');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('undotted, a key with dots is one name', () => {
    const store = openSettingsStore(join(dir, 'inputs.json'), { dotted: false });
    store.set('/w/poem.v2.mdx', { topic: 'rain' });
    expect(JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'))).toEqual({ '/w/poem.v2.mdx': { topic: 'rain' } });
    expect(openSettingsStore(join(dir, 'inputs.json'), { dotted: false }).get('/w/poem.v2.mdx')).toEqual({ topic: 'rain' });
  });

  it('a set value replaces a plain value in its way; a caller changing what it got changes nothing stored', () => {
    const store = openSettingsStore(join(dir, 'config.json'), { dotted: true });
    store.set('openai', 'x');
    store.set('openai.apiKey', 'sk-1');
    (store.get('openai') as Record<string, unknown>).apiKey = 'changed';
    expect(store.all()).toEqual({ openai: { apiKey: 'sk-1' } });
  });

  it('stores `__proto__` as a plain name, never touching object prototypes', () => {
    const store = openSettingsStore(join(dir, 'config.json'), { dotted: true });
    store.set('providers.__proto__.baseURL', 'http://x/v1');
    expect(({} as Record<string, unknown>).baseURL).toBeUndefined();
    expect(openSettingsStore(join(dir, 'config.json'), { dotted: true }).get('providers.__proto__.baseURL')).toBe('http://x/v1');
  });

  it('names a file that is not valid JSON, and one that holds no object', () => {
    writeFileSync(join(dir, 'config.json'), '{broken');
    expect(() => openSettingsStore(join(dir, 'config.json'), { dotted: true })).toThrow(
      new RegExp(`^${escape(join(dir, 'config.json'))} is not valid JSON \\(.+\\): fix it or delete it to start over$`),
    );
    writeFileSync(join(dir, 'config.json'), '[1]');
    expect(() => openSettingsStore(join(dir, 'config.json'), { dotted: true })).toThrow(
      `${join(dir, 'config.json')} holds a list, not an object of settings: fix it or delete it to start over`,
    );
  });

  it('starts over when told to, replacing the broken file on the next write', () => {
    writeFileSync(join(dir, 'inputs.json'), '{ not json');
    const store = openSettingsStore(join(dir, 'inputs.json'), { dotted: false, ifBroken: 'start-over' });
    expect(store.all()).toEqual({});
    store.set('/w/a.mdx', { topic: 'again' });
    expect(JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'))).toEqual({ '/w/a.mdx': { topic: 'again' } });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
