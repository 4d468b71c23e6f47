// Temporary folders holding the workflows (and configs) a measurement runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = [];

/** A new temp folder with `files` ({ name: text }) written in it. */
export function workspace(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function removeWorkspaces() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A stepwise.config.mjs pointing the `bench:` provider at an OpenAI-compatible server. */
export function benchProviderConfig(baseURL) {
  return `export default { providers: { bench: { type: 'openai-compatible', baseURL: ${JSON.stringify(baseURL)}, apiKey: 'bench' } } };\n`;
}
