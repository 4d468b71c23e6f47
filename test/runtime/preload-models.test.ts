// The TUI loads the providers a workflow's models need while the author reads the first
// screen, so the first step does not wait for them. Run in a fresh Node process against
// dist/ (npm test builds first): the test's own process may have loaded them already.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Which providers are loaded after compiling `text` and preloading its models. */
function loadedAfterPreload(text: string, config: object | null, modelOverride: string | null = null): string[] {
  const script = `
    import { createRequire } from 'node:module';
    import { compile } from './dist/src/compiler/index.js';
    import { preloadModels } from './dist/src/runtime/create-run.js';
    const require = createRequire(import.meta.url + '/../dist/src/models/registry.js');
    const { workflow } = compile(${JSON.stringify(text)}, 'w.mdx');
    preloadModels(workflow, ${JSON.stringify(config)}, ${JSON.stringify(modelOverride)});
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify(['@ai-sdk/openai/', '@ai-sdk/openai-compatible/'].filter((name) => loaded.some((path) => path.includes('/node_modules/' + name)))));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

const local = { providers: { local: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:1/v1' } } };

describe('preloadModels', () => {
  it('loads the provider of each literal model, inside loops and conds too', () => {
    const text = '---\ntitle: T\n---\n\nA\n\n<Loop as="l" items={[1]}>\n\nB\n\n<GenText as="b" model="local:m" />\n\n</Loop>\n';
    expect(loadedAfterPreload(text, local)).toEqual(['@ai-sdk/openai-compatible/']);
  });

  it('loads the frontmatter model’s provider, and nothing for echo', () => {
    expect(loadedAfterPreload('---\ntitle: T\nmodel: openai:gpt-4o\n---\n\nA\n\n<GenText as="a" />\n', null)).toEqual(['@ai-sdk/openai/']);
    expect(loadedAfterPreload('---\ntitle: T\nmodel: echo\n---\n\nA\n\n<GenText as="a" />\n', null)).toEqual([]);
  });

  it('follows --model over the workflow’s own models', () => {
    expect(loadedAfterPreload('---\ntitle: T\n---\n\nA\n\n<GenText as="a" model="local:m" />\n', local, 'echo')).toEqual([]);
  });
});
