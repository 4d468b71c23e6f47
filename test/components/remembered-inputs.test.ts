import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRememberedInputs, saveRememberedInputs } from '../../components/remembered-inputs.js';

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'stepwise-remembered-'));
  vi.stubEnv('STEPWISE_CONFIG_DIR', configDir);
});
afterEach(() => vi.unstubAllEnvs());

const store = () => join(configDir, 'inputs.json');

describe('remembered inputs', () => {
  it('gives back what was saved for the same workflow file, and nothing for another', () => {
    saveRememberedInputs('/work/examples/poem.mdx', { topic: 'rain', count: 3, rhyme: true, langs: ['fr', 'de'] });
    expect(loadRememberedInputs('/work/examples/poem.mdx')).toEqual({ topic: 'rain', count: 3, rhyme: true, langs: ['fr', 'de'] });
    expect(loadRememberedInputs('/work/examples/other.mdx')).toEqual({});
  });

  it('keys by absolute path, so a relative path names the same workflow', () => {
    const absolute = join(process.cwd(), 'examples', 'poem.mdx');
    saveRememberedInputs(relative(process.cwd(), absolute), { topic: 'fog' });
    expect(loadRememberedInputs(absolute)).toEqual({ topic: 'fog' });
    // a path's dots are part of the key, not nesting
    expect(Object.keys(JSON.parse(readFileSync(store(), 'utf8')))).toEqual([absolute]);
  });

  it('replaces the previous values for that file', () => {
    saveRememberedInputs('/w/a.mdx', { topic: 'rain', extra: 1 });
    saveRememberedInputs('/w/a.mdx', { topic: 'snow' });
    expect(loadRememberedInputs('/w/a.mdx')).toEqual({ topic: 'snow' });
  });

  it('stores an image as its path, never its bytes', () => {
    saveRememberedInputs('/w/a.mdx', { picture: { kind: 'image', path: '/w/cat.png', mediaType: 'image/png', data: 'iVBORw==' } });
    expect(loadRememberedInputs('/w/a.mdx')).toEqual({ picture: '/w/cat.png' });
    expect(readFileSync(store(), 'utf8')).not.toContain('iVBORw==');
  });

  it('keeps the store readable by its owner only', () => {
    saveRememberedInputs('/w/a.mdx', { topic: 'private' });
    expect(statSync(store()).mode & 0o777).toBe(0o600);
  });

  it('ignores a corrupt store instead of throwing, and saving starts it over', () => {
    writeFileSync(store(), '{ not json');
    expect(loadRememberedInputs('/w/a.mdx')).toEqual({});
    saveRememberedInputs('/w/a.mdx', { topic: 'again' });
    expect(loadRememberedInputs('/w/a.mdx')).toEqual({ topic: 'again' });
  });

  it('ignores a stored entry that is not a map of values', () => {
    writeFileSync(store(), JSON.stringify({ '/w/a.mdx': ['not', 'a', 'map'] }));
    expect(loadRememberedInputs('/w/a.mdx')).toEqual({});
  });
});
