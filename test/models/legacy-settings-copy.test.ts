import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The old and new folders on different devices: renaming the old folder fails as it would.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (String(from).endsWith('stepwise-nodejs')) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, renameSync }, renameSync };
});

const { moveLegacySettings } = await import('../../src/models/legacy-settings.js');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stepwise-legacy-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moving the old settings folder across devices', () => {
  it('copies config.json and inputs.json over, then removes the old folder', () => {
    const from = join(root, 'old', 'stepwise-nodejs');
    const to = join(root, 'new', 'stepwise');
    mkdirSync(from, { recursive: true });
    writeFileSync(join(from, 'config.json'), '{"openai":{"apiKey":"sk-old"}}');
    writeFileSync(join(from, 'inputs.json'), '{"/w/a.mdx":{"topic":"rain"}}');
    moveLegacySettings(from, to);
    expect(readdirSync(to).sort()).toEqual(['config.json', 'inputs.json']);
    expect(readFileSync(join(to, 'config.json'), 'utf8')).toBe('{"openai":{"apiKey":"sk-old"}}');
    expect(readFileSync(join(to, 'inputs.json'), 'utf8')).toBe('{"/w/a.mdx":{"topic":"rain"}}');
    expect(statSync(join(to, 'config.json')).mode & 0o777).toBe(0o600);
    expect(existsSync(from)).toBe(false);
    expect(readdirSync(join(root, 'new'))).toEqual(['stepwise']);
  });
});
