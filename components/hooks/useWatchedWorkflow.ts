// The workflow as the file on disk says, followed on every save: a version that compiles
// replaces the run's workflow (its new inputs get their default, or the form asks for
// them); one that does not leaves the run alone and lists its problems.
import { useCallback, useState, type MutableRefObject } from 'react';
import type { CompileResult, Diagnostic, Workflow } from '../../src/compiler/types.js';
import { compile as compileWorkflow } from '../../src/compiler/index.js';
import { runWarnings } from '../../src/compiler/run-warnings.js';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import { inputsForWorkflow, newInputMessage } from '../../src/runtime/inputs.js';
import type { Mode } from '../modes.js';
import { useWorkflowFile, type FileVersion } from './useWorkflowFile.js';

export interface WatchedWorkflowOptions {
  file: string;
  /** the text and workflow at start */
  text: string;
  /** the warnings of that text */
  warnings?: Diagnostic[];
  /** a model given outside the file (--model, the config's defaultModel): no missing-model warning */
  modelOverride?: string | null;
  defaultModel?: string | null;
  /** follow saves (false with --no-watch) */
  watch: boolean;
  compile?: (text: string) => CompileResult;
  /** the inputs known before the run exists */
  inputs: Record<string, unknown>;
  run: RunHandle | null;
  mode: Mode;
  /** the latest workflow, read when the run is made */
  workflowRef: MutableRefObject<Workflow>;
  setMode: (mode: Mode) => void;
  setNotice: (notice: string | null) => void;
}

export function useWatchedWorkflow(options: WatchedWorkflowOptions) {
  const { run, mode, workflowRef, setMode, setNotice } = options;
  const [workflow, setWorkflow] = useState(workflowRef.current);
  const [source, setSource] = useState(options.text);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [warnings, setWarnings] = useState<Diagnostic[]>(options.warnings ?? []);
  workflowRef.current = workflow;

  const compile = options.compile ?? ((text: string) => compileWorkflow(text, options.file));
  const onVersion = useCallback(
    (version: FileVersion) => {
      setSource(version.text);
      const errors = version.diagnostics.filter((d) => d.severity === 'error');
      setDiagnostics(errors);
      setWarnings(runWarnings(version.diagnostics, Boolean(options.modelOverride || options.defaultModel)));
      if (errors.length || !version.workflow) return;
      setWorkflow(version.workflow);
      workflowRef.current = version.workflow;
      // an input added to the file: its default, or the form asks for it before a step reads it
      const next = inputsForWorkflow(version.workflow.inputs, run?.state.inputs ?? options.inputs);
      run?.update({ workflow: version.workflow, inputs: next.values });
      const added = next.missing[0];
      if (!run || !added) return;
      if (mode === 'main') setMode('form');
      setNotice(mode === 'main' || mode === 'form' ? `new input \`${added}\`: enter its value, then Enter on Run` : newInputMessage(added));
    },
    [run, mode],
  );
  const fileState = useWorkflowFile(options.file, { enabled: options.watch, compile, onVersion, initialText: options.text });
  return { workflow, source, diagnostics, warnings, fileState };
}
