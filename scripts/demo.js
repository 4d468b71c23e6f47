#!/usr/bin/env node
// `npm run demo`: opens the TUI on examples/poem.mdx — with OpenAI when a key is
// configured, otherwise with the offline `echo` model so it works on a fresh clone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openKeyStore } = await import('../dist/src/models/keys.js');

function hasKey() {
  if (process.env.OPENAI_API_KEY) return true;
  try {
    return Boolean(openKeyStore().get('openai.apiKey'));
  } catch {
    return false;
  }
}

const args = ['bin/stepwise.js', 'examples/poem.mdx', ...(hasKey() ? [] : ['--model', 'echo']), ...process.argv.slice(2)];
if (!hasKey()) process.stderr.write('No OpenAI key configured: using the offline echo model (stepwise config set openai.apiKey sk-... to use OpenAI).\n');
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
