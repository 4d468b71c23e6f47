// The run is made after the first frame (making it loads the engine and the models), so
// the screen appears at once. A command given before the run exists (`c` pressed while it
// is still being made) waits for it instead of being lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Workflow } from '../../src/compiler/types.js';
import type { RunHandle } from '../../src/runtime/run-handle.js';

export interface RunStarter {
  /** the run, once made (null before) */
  run: RunHandle | null;
  /** makes and starts the run with these inputs; once only */
  startRun: (inputs: Record<string, unknown>) => void;
  /** gives the command to the run now, or as soon as it exists */
  withRun: (command: (run: RunHandle) => void) => void;
}

export function useRunStarter(options: {
  createRun: (workflow: Workflow, inputs: Record<string, unknown>) => Promise<RunHandle>;
  /** the workflow as it is when the run is made (the file may have changed since the first frame) */
  workflow: () => Workflow;
  onRun?: (run: RunHandle) => void;
  onError: (message: string) => void;
}): RunStarter {
  const [run, setRun] = useState<RunHandle | null>(null);
  const pending = useRef<Array<(run: RunHandle) => void>>([]);
  const creating = useRef(false);
  // set the moment the run exists: a key pressed before React re-renders with it must
  // still reach it (the `run` state of that render's handlers is still null)
  const runRef = useRef<RunHandle | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const startRun = useCallback((inputs: Record<string, unknown>) => {
    if (creating.current) return;
    creating.current = true;
    const { createRun, workflow, onRun, onError } = latest.current;
    createRun(workflow(), inputs).then(
      (created) => {
        onRun?.(created);
        created.start();
        runRef.current = created;
        setRun(created);
        for (const command of pending.current.splice(0)) command(created);
      },
      (error: unknown) => onError(`cannot start the run: ${(error as Error)?.message ?? error}`),
    );
  }, []);

  useEffect(() => () => run?.dispose(), [run]);

  const withRun = useCallback((command: (run: RunHandle) => void) => {
    if (runRef.current) command(runRef.current);
    else pending.current.push(command);
  }, []);

  return { run, startRun, withRun };
}
