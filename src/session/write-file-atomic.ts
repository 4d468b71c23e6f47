// Every file a session writes goes through here: a temp file in the same folder, then a
// rename over the old one, so a crash or a full disk never leaves half a run.json.
import { closeSync, openSync, renameSync, rmSync, writevSync, writeFileSync } from 'node:fs';
import { makeFolder } from '../make-folder.js';
import { dirname } from 'node:path';

let written = 0;

/** `content`: the text, or its bytes in pieces (written in order with one writev). */
export function writeFileAtomic(path: string, content: string | readonly Uint8Array[]): void {
  makeFolder(dirname(path));
  // the same folder, so the rename never crosses file systems; the counter keeps two
  // writes in one millisecond apart
  const temporary = `${path}.${process.pid}.${Date.now()}.${++written}.tmp`;
  try {
    if (typeof content === 'string') writeFileSync(temporary, content);
    else writePieces(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writePieces(path: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    let left = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
    let from = 0;
    // writev may write less than asked: go on from the first piece not wholly written
    while (left > 0) {
      let written = writevSync(fd, pieces.slice(from) as Uint8Array[]);
      if (written <= 0) throw new Error(`could not write ${path}: the disk took no more bytes`);
      left -= written;
      while (from < pieces.length && written >= pieces[from]!.byteLength) written -= pieces[from++]!.byteLength;
      if (written > 0) {
        pieces = [pieces[from]!.subarray(written), ...pieces.slice(from + 1)];
        from = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}
