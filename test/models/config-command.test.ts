import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConfigCommand } from '../../src/cli/config.js';

let dir: string;
let out: string;
let err: string;

function run(...args: string[]): number {
  out = '';
  err = '';
  return runConfigCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: { STEPWISE_CONFIG_DIR: dir } });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stepwise config', () => {
  it('set then get a key; set masks a secret in its confirmation', () => {
    expect(run('set', 'openai.apiKey', 'sk-proj-0123456789abcd')).toBe(0);
    expect(out).toBe('set openai.apiKey = sk-…abcd\n');
    expect(run('get', 'openai.apiKey')).toBe(0);
    expect(out).toBe('sk-proj-0123456789abcd\n');
  });

  it('parses VALUE as JSON when it is JSON, else keeps the text', () => {
    run('set', 'limits.retries', '3');
    run('set', 'flags.fast', 'true');
    run('set', 'providers.lm.headers', '{"x-team":"docs"}');
    run('set', 'providers.lm.baseURL', 'http://127.0.0.1:1234/v1');
    expect(run('list')).toBe(0);
    expect(out).toBe(
      'limits.retries = 3\nflags.fast = true\nproviders.lm.headers.x-team = docs\nproviders.lm.baseURL = http://127.0.0.1:1234/v1\n',
    );
    run('get', 'limits.retries');
    expect(out).toBe('3\n');
  });

  it('list masks secrets; get on a group masks them too', () => {
    run('set', 'openai.apiKey', 'sk-proj-0123456789abcd');
    run('set', 'openai.baseURL', 'http://127.0.0.1:8080/v1');
    run('list');
    expect(out).toBe('openai.apiKey = sk-…abcd\nopenai.baseURL = http://127.0.0.1:8080/v1\n');
    run('get', 'openai');
    expect(out).toBe('openai.apiKey = sk-…abcd\nopenai.baseURL = http://127.0.0.1:8080/v1\n');
  });

  it('unset removes a key; getting or unsetting a missing key says how to set it', () => {
    run('set', 'openai.apiKey', 'sk-1');
    expect(run('unset', 'openai.apiKey')).toBe(0);
    expect(out).toBe('unset openai.apiKey\n');
    expect(run('get', 'openai.apiKey')).toBe(1);
    expect(err).toBe('`openai.apiKey` is not set; set it with `stepwise config set openai.apiKey VALUE`\n');
    expect(run('unset', 'openai.apiKey')).toBe(1);
    expect(err).toBe('`openai.apiKey` is not set; nothing to unset (see `stepwise config list`)\n');
  });

  it('list on an empty store says where it lives and what to do', () => {
    expect(run('list')).toBe(0);
    expect(out).toBe(`nothing stored yet (${join(dir, 'config.json')}); try \`stepwise config set openai.apiKey sk-...\`\n`);
  });

  it('an unknown subcommand or wrong arguments is a usage error, exit 2', () => {
    expect(run('remove', 'x')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown config command `remove`');
    expect(err).toContain('usage: stepwise config get KEY');
    expect(run()).toBe(2);
    expect(err.startsWith('usage: stepwise config get KEY')).toBe(true);
    expect(run('set', 'openai.apiKey')).toBe(2);
    expect(run('get')).toBe(2);
    expect(run('list', 'extra')).toBe(2);
    expect(run('get', 'bad..key')).toBe(2);
    expect(err).toBe('`bad..key` is not a settings key: use dotted names such as openai.apiKey\n');
    expect(out).toBe('');
  });
});
