import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_HELP, runConfigCommand } from '../../src/cli/config.js';
import { SETTINGS_KEYS } from '../../src/models/settings-keys.js';

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
    run('set', 'providers.lm.headers', '{"x-team":"docs"}');
    run('set', 'providers.lm.baseURL', 'http://127.0.0.1:1234/v1');
    run('set', 'providers.lm.headers.x-retries', '3');
    expect(run('list')).toBe(0);
    expect(out).toBe(
      'providers.lm.headers.x-team = docs\nproviders.lm.headers.x-retries = 3\nproviders.lm.baseURL = http://127.0.0.1:1234/v1\n',
    );
    run('get', 'providers.lm.headers.x-retries');
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
    expect(err).toContain('Usage: stepwise config get KEY');
    expect(run()).toBe(2);
    expect(err.startsWith('Usage: stepwise config get KEY')).toBe(true);
    expect(run('set', 'openai.apiKey')).toBe(2);
    expect(run('get')).toBe(2);
    expect(run('list', 'extra')).toBe(2);
    expect(run('get', 'bad..key')).toBe(2);
    expect(err).toBe('`bad..key` is not a settings key: use dotted names such as openai.apiKey\n');
    expect(out).toBe('');
  });

  it('refuses to set a key stepwise does not read, suggesting the closest, and writes nothing', () => {
    expect(run('set', 'openai.apikey', 'sk-x')).toBe(2);
    expect(err).toBe('unknown settings key `openai.apikey`; did you mean `openai.apiKey`?\nsee `stepwise config --help` for the keys stepwise reads\n');
    expect(out).toBe('');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);

    run('set', 'openai.baseURL', 'http://127.0.0.1:8080/v1');
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(run('set', 'OpenAI.BaseURL', 'http://other/v1')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown settings key `OpenAI.BaseURL`; did you mean `openai.baseURL`?');
    expect(run('set', 'providers.ollama.baseUrl', 'http://127.0.0.1:11434/v1')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown settings key `providers.ollama.baseUrl`; did you mean `providers.ollama.baseURL`?');
    expect(run('set', 'limits.retries', '3')).toBe(2);
    expect(err).toBe('unknown settings key `limits.retries`\nsee `stepwise config --help` for the keys stepwise reads\n');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('checks each key of an object set at a group; a group is not one setting', () => {
    expect(run('set', 'providers.ollama', '{"baseUrl":"http://127.0.0.1:11434/v1"}')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown settings key `providers.ollama.baseUrl`; did you mean `providers.ollama.baseURL`?');
    expect(run('set', 'openai', 'sk-x')).toBe(2);
    expect(err).toBe('`openai` is a group of settings, not one: set a key inside it\nsee `stepwise config --help` for the keys stepwise reads\n');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    expect(run('set', 'providers.ollama', '{"baseURL":"http://127.0.0.1:11434/v1","apiKey":"ollama"}')).toBe(0);
    run('list');
    expect(out).toBe('providers.ollama.baseURL = http://127.0.0.1:11434/v1\nproviders.ollama.apiKey = …\n');
  });

  it('a built-in provider is not set under providers', () => {
    expect(run('set', 'providers.openai.apiKey', 'sk-x')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown settings key `providers.openai.apiKey`');
  });

  it('accepts every known key', () => {
    const values: Record<string, string> = {
      'openai.apiKey': 'sk-1',
      'openai.baseURL': 'http://127.0.0.1:8080/v1',
      'providers.ollama.baseURL': 'http://127.0.0.1:11434/v1',
      'providers.ollama.apiKey': 'ollama',
      'providers.ollama.headers': '{"x-team":"docs"}',
      'providers.ollama.headers.x-trace': 'on',
      'providers.ollama.type': 'openai-compatible',
    };
    expect(SETTINGS_KEYS.map((entry) => entry.key.replace('NAME', 'ollama').replace('HEADER', 'x-trace'))).toEqual(Object.keys(values));
    for (const [key, value] of Object.entries(values)) expect(run('set', key, value), key).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      openai: { apiKey: 'sk-1', baseURL: 'http://127.0.0.1:8080/v1' },
      providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'ollama', headers: { 'x-team': 'docs', 'x-trace': 'on' }, type: 'openai-compatible' } },
    });
  });

  it('refuses a value stepwise could not use, saying what it takes, and writes nothing', () => {
    expect(run('set', 'providers.ollama.type', 'anthropic')).toBe(2);
    expect(err).toBe('`providers.ollama.type` cannot be `anthropic`: the only type is `openai-compatible` (the default, so it can be left out)\n');
    expect(run('set', 'openai.baseURL', '127.0.0.1:8080/v1')).toBe(2);
    expect(err).toBe('`openai.baseURL` must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1; got `127.0.0.1:8080/v1`\n');
    expect(run('set', 'providers.ollama', '{"baseURL":"ftp://host/v1"}')).toBe(2);
    expect(err).toBe('`providers.ollama.baseURL` must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1; got `ftp://host/v1`\n');
    expect(run('set', 'providers.ollama.headers', 'x-team')).toBe(2);
    expect(err).toBe('`providers.ollama.headers` must be a JSON object of header names and values, e.g. {"x-team":"docs"}\n');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('get and unset take an unknown key that is stored, so an old file can be cleaned', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ limits: { retries: 3 }, openai: { apiKey: 'sk-1' } }));
    expect(run('get', 'limits.retries')).toBe(0);
    expect(out).toBe('3\n');
    expect(run('unset', 'limits.retries')).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ openai: { apiKey: 'sk-1' } });
    expect(run('get', 'limits.retries')).toBe(2);
    expect(err).toBe('unknown settings key `limits.retries`\nsee `stepwise config --help` for the keys stepwise reads\n');
    expect(run('unset', 'openai.apikey')).toBe(2);
    expect(err.split('\n')[0]).toBe('unknown settings key `openai.apikey`; did you mean `openai.apiKey`?');
    expect(run('get', 'providers.ollama.baseURL')).toBe(1);
    expect(run('get', 'openai')).toBe(0);
  });

  it('the help lists every known key with its description, and where the file lives', () => {
    const lines = CONFIG_HELP.split('\n');
    for (const { key, description } of SETTINGS_KEYS) {
      expect(lines.filter((line) => line.startsWith(`  ${key} `) && line.endsWith(` ${description}`)), key).toHaveLength(1);
    }
    expect(CONFIG_HELP).toContain('$STEPWISE_CONFIG_DIR');
    expect(CONFIG_HELP).toContain('$XDG_CONFIG_HOME/stepwise');
    expect(CONFIG_HELP).toContain('stepwise config set providers.ollama.baseURL http://127.0.0.1:11434/v1');
  });
});
