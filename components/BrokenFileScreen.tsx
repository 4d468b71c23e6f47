// What the TUI shows when the file it opens does not compile: every problem, and a promise
// to open the workflow on the first save that compiles. Nothing can run yet, so the only keys
// scroll the list and quit.
import { basename } from 'node:path';
import { useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { CompileResult, Diagnostic } from '../src/compiler/types.js';
import { plural } from '../src/compiler/format-diagnostics.js';
import { ProblemsView, problemsMaxScroll, scrollForKey } from './ProblemsView.js';
import { FileStateNote } from './FileStateNote.js';
import { useCurrentInput } from './hooks/useCurrentInput.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { useWorkflowFile } from './hooks/useWorkflowFile.js';
import { keyName } from './keys.js';
import { tint } from './palette.js';

export interface FileProblems {
  text: string;
  diagnostics: Diagnostic[];
}

export interface BrokenFileScreenProps extends FileProblems {
  file: string;
  compile: (text: string) => CompileResult;
  /** a save compiled: the caller starts the TUI as usual */
  onFixed: () => void;
  /** the author quit: the file as last seen, to print its problems */
  onQuit: (latest: FileProblems) => void;
  size?: { rows: number; columns: number };
}

export function BrokenFileScreen(props: BrokenFileScreenProps) {
  const app = useApp();
  const measured = useTerminalSize();
  const { rows, columns } = props.size ?? measured;
  const [latest, setLatest] = useState<FileProblems>({ text: props.text, diagnostics: props.diagnostics });
  const [scroll, setScroll] = useState(0);
  const latestRef = useRef(latest);
  latestRef.current = latest;
  const done = useRef(false);
  const finish = (fixed: boolean) => {
    if (done.current) return;
    done.current = true;
    if (fixed) props.onFixed();
    else props.onQuit(latestRef.current);
    app.exit();
  };
  const fileState = useWorkflowFile(props.file, {
    enabled: true,
    compile: props.compile,
    initialText: props.text,
    onVersion: (version) => {
      const errors = version.diagnostics.filter((d) => d.severity === 'error');
      if (!errors.length && version.workflow) return finish(true);
      setLatest({ text: version.text, diagnostics: errors });
    },
  });
  const count = latest.diagnostics.length;
  // the whole screen but the header and the footer (and the spare last row) is the list's
  const list = { diagnostics: latest.diagnostics, text: latest.text, width: columns, height: Math.max(1, rows - 3), title: `✗ ${plural(count, 'error')} in the file: fix and save, and the workflow opens once it compiles` };
  const maxScroll = problemsMaxScroll(list);
  useCurrentInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) return finish(false);
    const name = keyName(input, key);
    setScroll((was) => scrollForKey(name, was, Math.max(1, list.height - 2), maxScroll) ?? was);
  });
  return (
    <Box flexDirection="column" height={rows - 1}>
      <Box height={1} overflow="hidden">
        <Text wrap="truncate">
          <Text bold>{basename(props.file)}</Text>
          <FileStateNote state={fileState} />
          {' │ '}
          <Text color={tint('red')}>{plural(count, 'error')}</Text>
          {' │ '}
          {/* said once the watcher is ready: a save before that would be missed */}
          <Text color={tint('yellow')}>{fileState === 'starting' ? 'opening' : 'waiting for a save that compiles'}</Text>
        </Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        <ProblemsView {...list} scroll={scroll} />
      </Box>
      <Text dimColor wrap="truncate">
        {maxScroll > 0 ? '↑/↓ PgUp/PgDn scroll  q quit' : 'q quit'}
      </Text>
    </Box>
  );
}
