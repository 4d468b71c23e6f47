// The tools of examples/writer/writer.mdx. A tool is your own code and runs in Node.
// write_files saves only inside the `stories` folder beside this file: a path that would
// leave it is refused, and the model gets the refusal back as the tool's result.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, defineTool } from 'stepwise';
import { z } from 'zod';

const stories = join(dirname(fileURLToPath(import.meta.url)), 'stories');

const writeFiles = defineTool({
  name: 'write_files',
  description: 'Saves text files. Paths are relative to the stories folder.',
  parameters: z.object({
    files: z.array(z.object({ path: z.string().describe('e.g. the-last-light.md'), content: z.string() })).min(1),
  }),
  execute: async ({ files }, { signal }) => {
    for (const file of files) {
      const target = resolve(stories, file.path);
      if (relative(stories, target).startsWith('..')) throw new Error(`${file.path} is outside the stories folder; use a plain file name`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, { signal });
    }
    return `saved ${files.map((file) => `stories/${file.path}`).join(', ')}`;
  },
});

export default defineConfig({ tools: [writeFiles] });
