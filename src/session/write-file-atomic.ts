// Every file a session writes goes through here: a temp file in the same folder, then a
// rename over the old one, so a crash or a full disk never leaves half a run.json.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

let written = 0;

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  // the same folder, so the rename never crosses file systems; the counter keeps two
  // writes in one millisecond apart
  const temporary = `${path}.${process.pid}.${Date.now()}.${++written}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
