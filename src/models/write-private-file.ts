// Writing a settings file so a crash or a second stepwise never leaves half of it behind:
// the text goes to a temp file in the same folder, which then replaces the file in one rename.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { makeFolder } from '../make-folder.js';
import { basename, dirname, join } from 'node:path';

/** The folder is made readable by its owner only (0700), the file too (0600): it holds keys. */
export function writePrivateFile(path: string, text: string): void {
  const dir = dirname(path);
  makeFolder(dir, 0o700);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      // the umask may have taken bits away; say exactly what the file is
      fchmodSync(fd, 0o600);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}
