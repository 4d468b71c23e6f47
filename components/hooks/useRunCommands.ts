// What the run screen's commands do (the keys of the command table, keys.ts): each sends an
// engine command or opens a screen, or says in the notice why it cannot.
import type { Dispatch, MutableRefObject, SetStateAction } from 'react';
import type { Workflow } from '../../src/compiler/types.js';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import type { RunStatus, StepRecord } from '../../src/runtime/types.js';
import type { RunView } from '../run-view.js';
import type { Mode } from '../modes.js';
import type { CommandHandlers } from './useKeyBindings.js';
import type { OutlineSelection } from './useOutlineSelection.js';
import type { useVersionReview } from './useVersionReview.js';
import type { useProblemsView } from './useProblemsView.js';
import type { editInEditor } from '../editor.js';
import { phaseRecords } from '../outline.js';
import { clippedOutputLines } from '../step-budgets.js';
import { scrollOutput, type OutputScroll, type ScrollKey } from '../output-scroll.js';
import { wholeText } from '../StepView.js';
import { editedValue, editableText } from '../edit-output.js';
import { stepKey } from '../../src/runtime/step-key.js';

export interface RunCommandsOptions {
  run: RunHandle | null;
  withRun: (command: (run: RunHandle) => void) => void;
  view: RunView | null;
  status: RunStatus | null;
  workflow: Workflow;
  outline: OutlineSelection;
  review: ReturnType<typeof useVersionReview>;
  problems: ReturnType<typeof useProblemsView>;
  /** rows of the phase list (a page of a step's output) */
  listHeight: number;
  /** the step `h` lists the versions of */
  historyKey: string | undefined;
  /** what `m` would show for a step (null: nothing to show) */
  requestOf: (key: string) => unknown;
  keyless: StepRecord | null;
  interruptArmed: MutableRefObject<boolean>;
  setMode: (mode: Mode) => void;
  setNotice: (notice: string | null) => void;
  setPausing: (pausing: boolean) => void;
  setScrolls: Dispatch<SetStateAction<Record<string, OutputScroll>>>;
  /** the step the feedback prompt is for */
  setTarget: (record: StepRecord) => void;
  setMessagesKey: (key: string) => void;
  editText: (text: string, extension: string) => ReturnType<typeof editInEditor>;
  exit: () => void;
}

export function useRunCommands(options: RunCommandsOptions): CommandHandlers {
  const { run, withRun, view, status, workflow, outline, review, setMode, setNotice, setPausing } = options;
  const { selected, selectable, selectedIndex, targetRecord } = outline;
  const current = targetRecord();

  const needResult = (verb: string): StepRecord | null => {
    const record = targetRecord();
    if (record && record.status !== 'running') return record;
    setNotice(`nothing to ${verb}: select a step that has a result (↑/↓)`);
    return null;
  };

  const editOutput = async (record: StepRecord) => {
    const { text, extension } = editableText(record.output);
    const result = await options.editText(text, extension);
    if (result === null) return setNotice('edit cancelled: the output is unchanged');
    if ('error' in result) return setNotice(result.error);
    const value = editedValue(record.output, text, result.text);
    if ('error' in value) return setNotice(value.error);
    run?.edit(record.key, value.value);
    setNotice(`kept your edit of ${record.as ?? record.key}`);
  };

  const handlers: CommandHandlers = {
    next: () => {
      setPausing(false);
      outline.follow();
      withRun((r) => r.next());
    },
    phase: () => {
      setPausing(false);
      outline.follow();
      withRun((r) => r.runPhase());
    },
    continue: () => {
      setPausing(false);
      outline.follow();
      withRun((r) => r.continue());
    },
    pause: () => {
      if (status !== 'running') return;
      run?.pause();
      setPausing(true);
      setNotice('pausing after the current action');
    },
    cancel: () => {
      if (status === 'running') run?.cancel();
    },
    select: (key) => {
      outline.hold();
      const next = Math.min(selectable.length - 1, Math.max(0, selectedIndex + (key === 'up' ? -1 : 1)));
      outline.setSelectedId(selectable[next]?.id ?? null);
    },
    expand: (key) => {
      if (!selected) return;
      outline.hold();
      outline.setExpandedByAuthor((was) => ({ ...was, [selected.phase]: key === 'right' }));
      if (key === 'left') outline.setSelectedId(`p:${selected.phase}`);
    },
    'toggle-all': () => {
      outline.hold();
      const all = workflow.root.phases.every((_, phase) => outline.isExpanded(phase));
      outline.setExpandedByAuthor(Object.fromEntries(workflow.root.phases.map((_, phase) => [phase, !all])));
      if (all && selected) outline.setSelectedId(`p:${selected.phase}`);
    },
    follow: () => handlers.scroll!('end'),
    scroll: (key) => {
      // a selected phase scrolls the step running in it, else its first result
      const running = selected?.kind === 'phase' && view ? phaseRecords(view.order, view.records, selected.phase).find((r) => r.status === 'running') : undefined;
      const record = running ?? targetRecord();
      if (!record) return;
      // a page is the selected step's clipped size, less the marks above and below
      const page = Math.max(1, clippedOutputLines(options.listHeight, true) - 2);
      const text = wholeText({ record, partial: view?.partials[record.key] });
      options.setScrolls((was) => {
        const { [record.key]: previous, ...others } = was;
        const next = scrollOutput(previous, key as ScrollKey, page, record, text);
        return next ? { ...others, [record.key]: next } : others;
      });
      // a phase the author reads in stays open when the run moves on
      if (key === 'pageup') {
        outline.hold();
        outline.setExpandedByAuthor((was) => (record.phase in was ? was : { ...was, [record.phase]: true }));
      }
    },
    rerun: () => {
      const record = needResult('re-run');
      if (record) run?.rerun(record.key);
    },
    edit: () => {
      const record = needResult('edit');
      if (!record) return;
      if (record.status !== 'done') return setNotice(`${record.as ?? record.key} has no output to edit: press r to re-run it`);
      void editOutput(record);
    },
    feedback: () => {
      const record = needResult('give feedback on');
      if (!record) return;
      if (record.status !== 'done') return setNotice(`${record.as ?? record.key} has no output to reject: press r to re-run it`);
      options.setTarget(record);
      setMode('feedback');
    },
    rewind: () => {
      const record = needResult('rewind to');
      if (record) run?.rewind(record.key);
    },
    messages: () => {
      // a phase: its first step with a result, else its first step (what it would send)
      const first = selected?.kind === 'phase' ? workflow.root.phases[selected.phase]?.steps.find((step) => step.action) : undefined;
      const key = selected?.kind === 'step' ? selected.key : (current?.key ?? (first ? stepKey('', first) : null));
      if (!key || !options.requestOf(key)) return setNotice('no request to show: select a step (↑/↓)');
      options.setMessagesKey(key);
      setMode('messages');
    },
    history: () => {
      const { historyKey } = options;
      if (!historyKey) return setNotice('no history yet: select a step that has run (↑/↓)');
      const name = selected?.kind === 'step' ? selected.step.action!.as : current?.as;
      review.openHistory(historyKey, name ?? historyKey);
    },
    diff: () => review.diff(current),
    problems: () => options.problems.open(),
    inputs: () => {
      if (!workflow.inputs.length) return setNotice('this workflow has no inputs');
      setMode('form');
    },
    'api-key': () => {
      if (options.keyless) setMode('api-key');
    },
    help: () => setMode('help'),
    quit: () => (status === 'running' ? setMode('quit') : options.exit()),
    interrupt: () => {
      if (status === 'running' && !options.interruptArmed.current) {
        options.interruptArmed.current = true;
        run?.cancel();
        setNotice('cancelled: press Ctrl+C again to quit');
        return;
      }
      options.exit();
    },
  };
  return handlers;
}
