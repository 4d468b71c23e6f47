// The bash script is run for real: bash sources it in a folder of sample files and asks it
// to complete command lines, as the shell does on Tab.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

let script = '';
let folder = '';

beforeAll(async () => {
  script = (await runCli(['completion', 'bash'])).stdout;
  folder = mkdtempSync(join(tmpdir(), 'stepwise-completion-'));
  for (const name of ['poem.mdx', 'notes.md', 'notes.txt', 'inputs.json']) writeFileSync(join(folder, name), '');
  mkdirSync(join(folder, 'saved'));
});

/** What bash offers for the command line `words`, the last word being completed. */
function complete(...words: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _stepwise; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', program], { cwd: folder, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

describe('stepwise completion', () => {
  it('bash: commands and workflow files first, never other files', () => {
    expect(complete('stepwise', '')).toEqual(['check', 'completion', 'config', 'help', 'init', 'list', 'notes.md', 'poem.mdx', 'run', 'runs', 'saved']);
    expect(complete('stepwise', 'c')).toEqual(['check', 'completion', 'config']);
  });

  it('bash: each command\'s own options and operands', () => {
    expect(complete('stepwise', 'check', '--')).toEqual(['--help', '--json']);
    expect(complete('stepwise', 'run', '--m')).toEqual(['--model']);
    expect(complete('stepwise', 'run', 'p')).toEqual(['poem.mdx']);
    expect(complete('stepwise', 'config', '')).toEqual(['get', 'list', 'set', 'unset']);
    expect(complete('stepwise', 'completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('stepwise', 'poem.mdx', '--no')).toEqual(['--no-tools', '--no-watch']);
  });

  it('bash: an option\'s value completes as what it takes', () => {
    expect(complete('stepwise', 'run', 'poem.mdx', '--out', '')).toEqual(['saved']);
    expect(complete('stepwise', 'runs', '')).toEqual(['notes.md', 'poem.mdx', 'saved']);
    // list takes a folder: folders only, and its one option
    expect(complete('stepwise', 'list', '')).toEqual(['saved']);
    expect(complete('stepwise', 'list', '--')).toEqual(['--help', '--json']);
    expect(complete('stepwise', 'help', 'l')).toEqual(['list']);
    expect(complete('stepwise', 'run', 'poem.mdx', '--inputs', 'i')).toEqual(['inputs.json']);
    expect(complete('stepwise', 'run', 'poem.mdx', '--model', '')).toEqual([]);
  });

  it('bash: run options before the FILE, as `stepwise --model echo poem.mdx` is written', () => {
    expect(complete('stepwise', '--model', 'echo', '')).toEqual(['notes.md', 'poem.mdx', 'saved']);
    expect(complete('stepwise', '--model', 'echo', '--he')).toEqual(['--headless', '--help']);
    expect(complete('stepwise', 'run', '--model', 'echo', 'p')).toEqual(['poem.mdx']);
  });

  it('bash: config completes its subcommand once, then the settings keys', () => {
    expect(complete('stepwise', 'config', 'set', '')).toEqual(['openai.apiKey', 'openai.baseURL', 'providers.']);
    expect(complete('stepwise', 'config', 'get', 'openai.a')).toEqual(['openai.apiKey']);
    expect(complete('stepwise', 'config', 'set', 'openai.apiKey', '')).toEqual([]);
    expect(complete('stepwise', 'completion', 'bash', '')).toEqual([]);
  });

  it('zsh and fish scripts name every command and workflow files', async () => {
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    expect(zsh.startsWith('#compdef stepwise\n')).toBe(true);
    expect(zsh).toContain("'check:compile only; print diagnostics'");
    expect(zsh).toContain(`'*:workflow:_files -g "*.(md|mdx)"'`);
    expect(zsh).toContain("'--out[save runs under DIR instead of next to the workflow]:dir:_files -/'");
    expect(zsh).toContain(`    list) _arguments '--json[`);
    expect(zsh).toContain(`'1:folder:_files -/' ;;`);
    const fish = (await runCli(['completion', 'fish'])).stdout;
    expect(fish).toContain("complete -c stepwise -n '__fish_use_subcommand' -a check -d 'compile only; print diagnostics'\n");
    expect(fish).toContain("complete -c stepwise -n '__fish_seen_subcommand_from run' -l out -r -a '(__fish_complete_directories)'");
    expect(fish).toContain('__fish_complete_suffix .mdx');
    expect(fish).toContain("complete -c stepwise -n '__fish_use_subcommand' -a list -d 'the workflows in a folder and whether each compiles'\n");
    expect(fish).toContain("complete -c stepwise -n '__fish_seen_subcommand_from list' -a '(__fish_complete_directories)'\n");
  });

  // fish is not a dependency of the project: this runs where it is installed
  const hasFish = spawnSync('fish', ['--version']).status === 0;
  it.skipIf(!hasFish)('fish: run options after the FILE and after an option\'s value, workflow files after --model ID', async () => {
    const script = join(folder, 'stepwise.fish');
    writeFileSync(script, (await runCli(['completion', 'fish'])).stdout);
    const fish = (line: string) =>
      execFileSync('fish', ['-c', `source ${script}; complete -C '${line}'`], { cwd: folder, encoding: 'utf8' }).split('\n').map((row) => row.split('\t')[0]).filter(Boolean).sort();
    expect(fish('stepwise poem.mdx --mo')).toEqual(['--model']);
    expect(fish('stepwise --model echo p')).toEqual(['poem.mdx']);
    expect(fish('stepwise check --')).toEqual(['--help', '--json']);
  });

  it('an unknown shell is a usage error', async () => {
    expect(await runCli(['completion', 'powershell'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown shell `powershell`: write `stepwise completion bash`, `zsh` or `fish`\nrun `stepwise --help` to see the commands and options\n',
    });
  });
});
