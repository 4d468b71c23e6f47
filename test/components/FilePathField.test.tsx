import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-file-field-'));
  writeFileSync(join(dir, 'notes.txt'), 'remember the milk');
  // the smallest valid PNG is not needed: the input rules only read the bytes
  writeFileSync(join(dir, 'cat.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});

describe('FilePathField', () => {
  it('marks a path that exists, and submits the file text while remembering the path', async () => {
    const run = await renderForm([field({ name: 'attachment', type: 'file', message: 'Attachment' })], { baseDir: dir });
    await press(run.instance, 'notes.tx');
    await waitForFrame(run.instance, 'notes.tx█ (no such file yet)');
    await press(run.instance, 't');
    await waitForFrame(run.instance, 'notes.txt█ ✓ found');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { attachment: 'remember the milk' }, remembered: { attachment: 'notes.txt' } });
  });

  it('reports a missing file with the path it looked for', async () => {
    const run = await renderForm([field({ name: 'attachment', type: 'file' })], { baseDir: dir });
    await press(run.instance, 'nope.txt', KEY.enter);
    await waitForFrame(run.instance, `✗ \`attachment\`: cannot read ${join(dir, 'nope.txt')} (ENOENT)`);
  });

  it('an image input submits the image and remembers its path, never its bytes', async () => {
    const run = await renderForm([field({ name: 'picture', type: 'file', fileType: 'image' })], { baseDir: dir, initial: { picture: 'cat.png' } });
    expect(run.instance.lastFrame()).toContain('cat.png█ ✓ found');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.remembered).toEqual({ picture: 'cat.png' });
    expect(run.submitted[0]!.values.picture).toEqual({ kind: 'image', path: join(dir, 'cat.png'), mediaType: 'image/png', data: 'iVBORw==' });
  });

  it('refuses an image input that is not an image', async () => {
    const run = await renderForm([field({ name: 'picture', type: 'file', fileType: 'image' })], { baseDir: dir, initial: { picture: 'notes.txt' } });
    await press(run.instance, KEY.enter);
    await waitForFrame(run.instance, '✗ `picture` must be a .png, .jpg, .gif or .webp image, got notes.txt');
  });
});
