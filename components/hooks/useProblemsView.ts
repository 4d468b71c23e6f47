// The problems view (`!`): every compile problem of the file, over the run. Its scroll and its
// keys (screen-keys.ts) live here; screens/ProblemsScreen renders it and hands it the keyboard.
import { useState } from 'react';
import type { Diagnostic } from '../../src/compiler/types.js';
import { plural } from '../../src/compiler/format-diagnostics.js';
import { problemsMaxScroll, scrollForKey, type ProblemsViewProps } from '../ProblemsView.js';
import type { KeyName } from '../keys.js';
import { screenAction } from '../screen-keys.js';

export interface ProblemsViewOptions {
  /** the errors */
  diagnostics: Diagnostic[];
  /** the warnings: the workflow runs, but the author should see them (listed after the errors) */
  warnings: Diagnostic[];
  text: string;
  width: number;
  height: number;
  setMode: (mode: 'main' | 'problems') => void;
  setNotice: (notice: string | null) => void;
}

export function useProblemsView({ diagnostics, warnings, text, width, height, setMode, setNotice }: ProblemsViewOptions) {
  const [scroll, setScroll] = useState(0);
  const title = diagnostics.length
    ? `✗ ${plural(diagnostics.length, 'error')} in the file: fix and save to update`
    : warnings.length
      ? `⚠ ${plural(warnings.length, 'warning')}: the file still runs; fix and save to clear ${warnings.length === 1 ? 'it' : 'them'}`
      : 'Problems';
  const props: ProblemsViewProps = { diagnostics: [...diagnostics, ...warnings], text, title, width, height, scroll };

  const open = () => {
    if (!diagnostics.length && !warnings.length) return setNotice('no problems: the file compiles');
    setScroll(0);
    setMode('problems');
  };

  /** A key while the view is open: Esc, `!` or q close it, the arrows and pages scroll (screen-keys.ts). */
  const onKey = (name: KeyName | null) => {
    if (screenAction('problems', name) === 'back') return setMode('main');
    const max = problemsMaxScroll(props);
    setScroll((was) => scrollForKey(name, was, Math.max(1, height - 2), max) ?? was);
  };

  return { open, onKey, props };
}
