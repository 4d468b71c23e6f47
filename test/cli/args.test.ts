import { describe, expect, it } from 'vitest';
import { didYouMean, parseRunArgs } from '../../src/cli/args.js';

const HINT = '\nrun `stepwise --help` to see the commands and options';

describe('parseRunArgs', () => {
  it('reads every run option', () => {
    expect(
      parseRunArgs([
        'w.mdx', '--model', 'echo', '--input', 'topic=cats', '--input=langs=["de"]',
        '--inputs', 'in.yaml', '--headless', '--json', '--out', 'runs', '--no-watch',
      ]),
    ).toEqual({
      file: 'w.mdx',
      model: 'echo',
      inputs: ['topic=cats', 'langs=["de"]'],
      inputsFile: 'in.yaml',
      headless: true,
      json: true,
      out: 'runs',
      watch: false,
      fresh: false,
      resume: false,
    });
  });

  it('has defaults for everything but the file', () => {
    expect(parseRunArgs(['w.mdx'])).toEqual({
      file: 'w.mdx', model: undefined, inputs: [], inputsFile: undefined,
      headless: false, json: false, out: undefined, watch: true, fresh: false, resume: false,
    });
  });

  it('--resume takes an optional folder', () => {
    const isFolder = (path: string) => path === 'runs/poem/2026';
    expect(parseRunArgs(['w.mdx', '--resume'], isFolder)).toMatchObject({ file: 'w.mdx', resume: true });
    expect(parseRunArgs(['--resume', 'w.mdx'], isFolder)).toMatchObject({ file: 'w.mdx', resume: true });
    expect(parseRunArgs(['w.mdx', '--resume', 'runs/poem/2026'], isFolder)).toMatchObject({ file: 'w.mdx', resume: 'runs/poem/2026' });
    expect(parseRunArgs(['w.mdx', '--resume=elsewhere'], isFolder)).toMatchObject({ file: 'w.mdx', resume: 'elsewhere' });
    expect(parseRunArgs(['w.mdx', '--fresh'], isFolder)).toMatchObject({ fresh: true, resume: false });
  });

  it('names an unknown option and suggests the close one', () => {
    expect(parseRunArgs(['w.mdx', '--modle', 'echo'])).toEqual({
      error: 'unknown option `--modle`; did you mean `--model`?' + HINT,
    });
    expect(parseRunArgs(['w.mdx', '--frobnicate'])).toEqual({ error: 'unknown option `--frobnicate`' + HINT });
  });

  it('reports a missing value, also when the next word is another option', () => {
    expect(parseRunArgs(['w.mdx', '--model'])).toEqual({
      error: '`--model` needs a value, e.g. `--model echo`' + HINT,
    });
    expect(parseRunArgs(['w.mdx', '--model', '--headless'])).toEqual({
      error: '`--model` needs a value, e.g. `--model echo`' + HINT,
    });
  });

  it('rejects a value given to a flag', () => {
    expect(parseRunArgs(['w.mdx', '--headless=yes'])).toEqual({
      error: '`--headless` takes no value: write `--headless` alone' + HINT,
    });
  });

  it('requires --input to be name=value', () => {
    expect(parseRunArgs(['w.mdx', '--input', 'topic'])).toEqual({
      error: '`--input topic` needs a name and a value: write `--input topic=value`' + HINT,
    });
  });

  it('requires exactly one file', () => {
    expect(parseRunArgs(['--headless'])).toEqual({
      error: 'missing FILE: write `stepwise run FILE`, e.g. `stepwise run workflow.mdx`' + HINT,
    });
    expect(parseRunArgs(['a.mdx', 'b.mdx'])).toEqual({ error: 'run takes one FILE, got 2: `a.mdx`, `b.mdx`' + HINT });
  });
});

describe('--timeout', () => {
  it('takes seconds, fractions too', () => {
    expect(parseRunArgs(['w.mdx', '--timeout', '0.5'])).toMatchObject({ timeout: 0.5 });
    expect(parseRunArgs(['w.mdx', '--timeout=120'])).toMatchObject({ timeout: 120 });
  });

  it('refuses what is not a positive number, with an example', () => {
    for (const value of ['0', '-3', 'soon', 'Infinity', '']) {
      expect(parseRunArgs(['w.mdx', `--timeout=${value}`])).toEqual({
        error: `\`--timeout ${value}\` needs a number of seconds greater than 0, e.g. \`--timeout 120\` or \`--timeout 0.5\`${HINT}`,
      });
    }
    expect(parseRunArgs(['w.mdx', '--timeout'])).toEqual({ error: `\`--timeout\` needs a value, e.g. \`--timeout 120\`${HINT}` });
    // a negative number is the value given, not a forgotten one
    expect(parseRunArgs(['w.mdx', '--timeout', '-3'])).toEqual({
      error: `\`--timeout -3\` needs a number of seconds greater than 0, e.g. \`--timeout 120\` or \`--timeout 0.5\`${HINT}`,
    });
  });
});

describe('didYouMean', () => {
  it('suggests a close candidate and nothing for a distant one', () => {
    expect(didYouMean('chek', ['run', 'check', 'config', 'init'])).toBe('check');
    expect(didYouMean('deploy', ['run', 'check', 'config', 'init'])).toBeUndefined();
  });

  it('only matches very short words up to case', () => {
    expect(didYouMean('-x', ['-h', '-v'])).toBeUndefined();
    expect(didYouMean('-H', ['-h', '-v'])).toBe('-h');
  });
});
