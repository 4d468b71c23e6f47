// Settings used to live where the `conf` package put them (`stepwise-nodejs`); a user who
// upgrades keeps their keys and remembered inputs without doing anything.
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFolder } from '../make-folder.js';

const FILES = ['config.json', 'inputs.json'];

/**
 * Moves the old folder to `to` when `to` does not exist yet and `from` does. Silent: a
 * move that fails leaves the old folder where it was, and the user starts with empty settings.
 */
export function moveLegacySettings(from: string, to: string): void {
  if (existsSync(to) || !existsSync(from)) return;
  try {
    makeFolder(dirname(to), 0o700);
    renameSync(from, to);
  } catch {
    // most often EXDEV: the two folders are on different devices
    copyAcross(from, to);
  }
}

// Copied into a staging folder beside `to` and renamed into place, so `to` never exists
// half-filled (it existing is what says the move is done).
function copyAcross(from: string, to: string): void {
  const staging = `${to}.moving-${process.pid}`;
  const moved: string[] = [];
  try {
    mkdirSync(staging, { mode: 0o700 });
    for (const name of FILES) {
      if (!existsSync(join(from, name))) continue;
      copyFileSync(join(from, name), join(staging, name));
      chmodSync(join(staging, name), 0o600);
      moved.push(name);
    }
    renameSync(staging, to);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return;
  }
  try {
    for (const name of moved) unlinkSync(join(from, name));
    rmdirSync(from);
  } catch {
    // something else in the old folder: leave it to the user
  }
}
