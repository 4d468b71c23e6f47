import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyStore } from '../../src/models/keys.js';
import { maskSecret, maskSecrets } from '../../src/models/mask-secrets.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openKeyStore', () => {
  it('keeps settings in STEPWISE_CONFIG_DIR, readable by the owner only', () => {
    const store = openKeyStore({ STEPWISE_CONFIG_DIR: dir });
    store.set('openai.apiKey', 'sk-test-abcd');
    expect(store.path).toBe(join(dir, 'config.json'));
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ openai: { apiKey: 'sk-test-abcd' } });
  });

  it('reads and writes dotted keys and survives reopening', () => {
    openKeyStore({ STEPWISE_CONFIG_DIR: dir }).set('providers.ollama.baseURL', 'http://127.0.0.1:11434/v1');
    const store = openKeyStore({ STEPWISE_CONFIG_DIR: dir });
    expect(store.get('providers.ollama.baseURL')).toBe('http://127.0.0.1:11434/v1');
    expect(store.get('providers.ollama')).toEqual({ baseURL: 'http://127.0.0.1:11434/v1' });
    expect(store.all()).toEqual({ providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1' } } });
  });

  it('deleting the last key of a group removes the empty group', () => {
    const store = openKeyStore({ STEPWISE_CONFIG_DIR: dir });
    store.set('providers.ollama.baseURL', 'http://x/v1');
    store.set('openai.apiKey', 'sk-1');
    store.delete('providers.ollama.baseURL');
    expect(store.all()).toEqual({ openai: { apiKey: 'sk-1' } });
  });

  it('names the file when it is not valid JSON', () => {
    writeFileSync(join(dir, 'config.json'), '{broken');
    expect(() => openKeyStore({ STEPWISE_CONFIG_DIR: dir })).toThrow(`${join(dir, 'config.json')} is not valid JSON (`);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{broken');
  });
});

describe('maskSecrets', () => {
  it('flattens to dotted keys and masks values named like secrets', () => {
    expect(
      maskSecrets({
        openai: { apiKey: 'sk-proj-0123456789abcd', baseURL: 'http://127.0.0.1:8080/v1' },
        providers: { groq: { token: 'gsk_secretvalue9876', headers: { 'x-api-key': 'short' } } },
        port: 3,
      }),
    ).toEqual([
      ['openai.apiKey', 'sk-…abcd'],
      ['openai.baseURL', 'http://127.0.0.1:8080/v1'],
      ['providers.groq.token', 'gsk…9876'],
      ['providers.groq.headers.x-api-key', '…'],
      ['port', 3],
    ]);
  });

  it('hides short secrets entirely', () => {
    expect(maskSecret('12345678')).toBe('…');
    expect(maskSecret('123456789')).toBe('123…6789');
  });
});
