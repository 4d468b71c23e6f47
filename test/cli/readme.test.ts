import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with exactly the two set-up commands a new user copies', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.slice(0, 2)).toEqual([
      'npm install && npm run demo\n',
      'npm install && npm test\n',
    ]);
  });

  it("has a program install the package built from a clone (npm's own `stepwise` is another package)", () => {
    const section = /## Using stepwise from a program\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(section).toContain(`\`npm install /path/to/stepwise-${version}.tgz\``);
    expect(section).not.toMatch(/`npm install stepwise`, then/);
  });

  it('lists exactly the workflows in examples/', () => {
    const paragraph = /The examples in[\s\S]*?\n\n/.exec(readme)?.[0] ?? '';
    const named = [...paragraph.matchAll(/`([a-z/-]+\.mdx)`/g)].map((m) => m[1]).sort();
    // a workflow with its own stepwise.config.ts lives in a folder of its own
    const present = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
    expect(named).toEqual(present);
  });
});
