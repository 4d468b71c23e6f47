// Watches the workflow file and recompiles it on every save. Editors often save by
// writing a temporary file and renaming it over the original, which chokidar reports as
// `add` rather than `change`, so both count. awaitWriteFinish waits until the file stops
// growing (a large file written in pieces), and a short debounce folds the several events
// of one save into one compile; together they stay well under the 250 ms save-to-screen
// budget (bench/README.md). A deleted file is reported (the screen keeps the last version)
// and picked up again when it comes back. The fragments the workflow includes are
// followed too: saving one recompiles the unchanged workflow text (docs/language.md §9).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { useEffect, useRef, useState } from 'react';
import { watch } from 'chokidar';
import type { CompileResult } from '../../src/compiler/types.js';

export interface FileVersion extends CompileResult {
  text: string;
}

/** What the header says about the file: about to be followed, followed on save, gone from disk, or not followed (--no-watch). */
export type FileState = 'starting' | 'watching' | 'deleted' | 'not watched';

export interface WatchOptions {
  enabled: boolean;
  compile: (text: string) => CompileResult;
  onVersion: (version: FileVersion) => void;
  /** the text already compiled (a save that changes nothing is ignored) */
  initialText: string;
  debounceMs?: number;
}

export const WATCH_DEBOUNCE_MS = 25;

/**
 * What to watch for a fragment: the file, or for one whose folder is missing too (no
 * prompts/ yet), the first missing folder on its way, which chokidar sees appear.
 */
function watchable(path: string): string {
  let target = path;
  while (!existsSync(dirname(target)) && dirname(target) !== target) target = dirname(target);
  return target;
}

export function useWorkflowFile(file: string, options: WatchOptions): FileState {
  // the latest callbacks, without restarting the watcher when they change
  const latest = useRef(options);
  latest.current = options;
  const [state, setState] = useState<'starting' | 'watching' | 'deleted'>('starting');
  useEffect(() => {
    if (!options.enabled) return;
    let lastText = latest.current.initialText;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    /** a fragment changed: compile even though the workflow's text did not */
    let fragmentChanged = false;
    let fragments: string[] = [];
    const reload = async () => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        // mid-rename the `add` that follows brings the new text; a file still missing is gone
        if (!closed && (error as NodeJS.ErrnoException).code === 'ENOENT') setState('deleted');
        return;
      }
      if (closed) return;
      setState('watching');
      const force = fragmentChanged;
      fragmentChanged = false;
      if (text === lastText && !force) return;
      lastText = text;
      const result = latest.current.compile(text);
      follow(result.fragments);
      latest.current.onVersion({ text, ...result });
    };
    const follow = (files: string[] = []) => {
      const next = [...new Set(files.map(watchable))];
      const added = next.filter((path) => !fragments.includes(path));
      const removed = fragments.filter((path) => !next.includes(path));
      if (added.length) watcher.add(added);
      if (removed.length) watcher.unwatch(removed);
      fragments = next;
    };
    const workflowPath = resolve(file);
    const schedule = (path?: string) => {
      if (path !== undefined && resolve(path) !== workflowPath) fragmentChanged = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void reload();
      }, latest.current.debounceMs ?? WATCH_DEBOUNCE_MS);
    };
    const watcher = watch(file, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 10 } });
    watcher.on('change', schedule);
    watcher.on('add', schedule);
    watcher.on('unlink', (path) => {
      // chokidar stops following a deleted file it was given by name unless its folder is
      // watched: a fragment in prompts/ written back would go unseen, so follow its name again
      if (resolve(path) !== workflowPath && fragments.includes(path)) {
        watcher.unwatch(path);
        watcher.add(path);
      }
      schedule(path);
    });
    watcher.on('addDir', schedule);
    // the fragments of the text already compiled (only a workflow that includes one pays for this compile)
    if (lastText.includes('include')) follow(latest.current.compile(lastText).fragments);
    watcher.on('ready', () => {
      setState((was) => (was === 'starting' ? 'watching' : was));
      // a save between the first read and the watcher's start would otherwise go unseen
      schedule();
    });
    watcher.on('error', () => {});
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      void watcher.close();
    };
  }, [file, options.enabled]);
  if (!options.enabled) return 'not watched';
  return state;
}
