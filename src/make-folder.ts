// `mkdir -p`, one level at a time. Node's mkdirSync(…, { recursive: true }) never returns
// for a missing folder under /proc (it retries ENOENT forever, at full CPU), and a folder
// stepwise makes can be anywhere a user points it: STEPWISE_CONFIG_DIR, XDG_CONFIG_HOME,
// `stepwise init DIR/`, `--out /proc/x`. This one throws the first level's error instead.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeFolder(folder: string, mode?: number): void {
  if (existsSync(folder)) return;
  const parent = dirname(folder);
  if (parent !== folder) makeFolder(parent, mode);
  try {
    mkdirSync(folder, mode === undefined ? undefined : { mode });
  } catch (error) {
    // made meanwhile by another process: that is all we wanted
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
