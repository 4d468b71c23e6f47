// The whole screen: header, diagnostics banner, description, phases (or the inputs form,
// help, messages), a prompt line and the key hints. It only sends engine commands and
// renders engine events; everything it depends on comes in as props so tests can drive it.
import { dirname } from 'node:path';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { CompileResult, Diagnostic, Workflow } from '../src/compiler/types.js';
import { compile as compileWorkflow } from '../src/compiler/index.js';
import type { RunHandle } from '../src/runtime/run-handle.js';
import type { RunState, StepRecord } from '../src/runtime/types.js';
import { savedView } from './run-view.js';
import { Header } from './Header.js';
import { DiagnosticsBanner, bannerHeight, bannerLimit } from './DiagnosticsBanner.js';
import { ProblemsView } from './ProblemsView.js';
import { useProblemsView } from './hooks/useProblemsView.js';
import { DescriptionView, descriptionLines } from './DescriptionView.js';
import { PhaseList, outputLinesFor } from './PhaseList.js';
import { scrollOutput, type OutputScroll, type ScrollKey } from './output-scroll.js';
import { wholeText } from './StepView.js';
import { HelpOverlay, helpMaxScroll } from './HelpOverlay.js';
import { MessagesView } from './MessagesView.js';
import { HistoryView } from './HistoryView.js';
import { DiffView } from './DiffView.js';
import { KeyHints, MODAL_HINTS } from './KeyHints.js';
import { BottomLine, bottomLineRows } from './BottomLine.js';
import { openKeyStore } from '../src/models/keys.js';
import { inputsForWorkflow, newInputMessage } from '../src/runtime/inputs.js';
import { InputForm } from './InputForm.js';
import { FormScreen } from './FormScreen.js';
import { editInEditor } from './editor.js';
import { loadRememberedInputs, saveRememberedInputs } from './remembered-inputs.js';
import { useRun } from './hooks/useRun.js';
import { useRunStarter } from './hooks/useRunStarter.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { useWorkflowFile, type FileVersion } from './hooks/useWorkflowFile.js';
import { useKeyBindings, type CommandHandlers } from './hooks/useKeyBindings.js';
import { useVersionReview } from './hooks/useVersionReview.js';
import { buildOutline, isSelectable, phaseRecords, type OutlineItem } from './outline.js';
import { editedValue, editableText } from './edit-output.js';
import type { KeyContext } from './keys.js';
import { SaveProblemBanner, useSaveProblem } from './SaveProblemBanner.js';
import type { SaveProblem } from './save-problem.js';
import { failedRecord, failureNotice, useFailedStep } from './hooks/useFailedStep.js';
import { shownRequest } from './shown-request.js';
import { stepKey, topPhase } from '../src/runtime/step-key.js';
import { TOOL_HINTS, toolKey, toolNotice, waitingCall } from './hooks/useToolReview.js';

export interface AppProps {
  file: string;
  /** the file's text and compiled workflow at start (already known to compile) */
  text: string;
  workflow: Workflow;
  /** inputs already known (command line, defaults) and the required ones still missing */
  inputs: Record<string, unknown>;
  missing: string[];
  /**
   * the inputs given on the command line; when set, the form asks for the others first
   * (prefilled with the values used last time for this file, else the defaults)
   */
  explicit?: Record<string, unknown>;
  /** makes the run once the inputs are known; called after the first frame */
  createRun: (workflow: Workflow, inputs: Record<string, unknown>) => Promise<RunHandle>;
  /** recompile on save (false with --no-watch) */
  watch: boolean;
  compile?: (text: string) => CompileResult;
  /** the --model override */
  modelOverride?: string | null;
  defaultModel?: string | null;
  editor?: typeof editInEditor;
  /** hands the terminal to the editor and takes it back */
  terminal?: { suspend: () => () => void };
  /** where `k` stores an API key (tests pass their own) */
  keyStore?: () => { set: (key: string, value: unknown) => void };
  remember?: { load: (file: string) => Record<string, unknown>; save: (file: string, values: Record<string, unknown>) => void };
  size?: { rows: number; columns: number };
  onRun?: (run: RunHandle) => void;
  onExit?: () => void;
  /** the resumed session's state, shown until its run exists */
  saved?: RunState;
  /** when the resumed session was last saved (null: a new session) */
  resumedAt?: number | null;
  /** why the session could not be saved, shown in a banner */
  saveProblem?: SaveProblem;
}

type Mode = 'main' | 'form' | 'help' | 'messages' | 'history' | 'diff' | 'problems' | 'feedback' | 'api-key' | 'quit' | 'editing' | 'tool-reject';

const REMEMBER = { load: loadRememberedInputs, save: saveRememberedInputs };

export function App(props: AppProps) {
  const app = useApp();
  const measured = useTerminalSize();
  const { rows, columns } = props.size ?? measured;
  const remember = props.remember ?? REMEMBER;

  const [workflow, setWorkflow] = useState(props.workflow);
  const [source, setSource] = useState(props.text);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  // The form opens first whenever an input was not given on the command line: prefilled
  // with the values used last time for this file, else the defaults, so Enter accepts them.
  const askFirst = props.missing.length > 0 || (props.explicit !== undefined && props.workflow.inputs.some((field) => !(field.name in props.explicit!)));
  const [mode, setMode] = useState<Mode>(askFirst ? 'form' : 'main');
  const [expandedByAuthor, setExpandedByAuthor] = useState<Record<number, boolean>>({});
  const [selectedId, setSelectedId] = useState<string | null>('p:0');
  const [scrolls, setScrolls] = useState<Record<string, OutputScroll>>({});
  const [messagesScroll, setMessagesScroll] = useState(0);
  const [helpScroll, setHelpScroll] = useState(0);
  const [messagesKey, setMessagesKey] = useState<string | null>(null);
  const [target, setTarget] = useState<StepRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pausing, setPausing] = useState(false);
  const interruptArmed = useRef(false);
  /** what the author typed in the form last time in this session */
  const lastTyped = useRef<Record<string, unknown> | null>(null);
  const workflowRef = useRef(workflow);
  workflowRef.current = workflow;
  const { run, startRun, withRun } = useRunStarter({
    createRun: props.createRun,
    workflow: () => workflowRef.current,
    onRun: props.onRun,
    onError: setNotice,
  });

  const saved = useMemo(() => (props.saved ? savedView(props.saved) : null), [props.saved]);
  const view = useRun(run) ?? saved;
  const status = view?.status ?? null;
  // Space asks the run to stop after the current action: the header says so until it has
  useEffect(() => {
    if (status !== 'running') setPausing(false);
  }, [status]);

  // the run (and with it the models) is made after the first frame, so the screen appears at once
  useEffect(() => {
    if (!askFirst) startRun(props.inputs);
  }, []);

  const compile = props.compile ?? ((text: string) => compileWorkflow(text, props.file));
  const onVersion = useCallback(
    (version: FileVersion) => {
      setSource(version.text);
      const errors = version.diagnostics.filter((d) => d.severity === 'error');
      setDiagnostics(errors);
      if (errors.length || !version.workflow) return;
      setWorkflow(version.workflow);
      workflowRef.current = version.workflow;
      // an input added to the file: its default, or the form asks for it before a step reads it
      const next = inputsForWorkflow(version.workflow.inputs, run?.state.inputs ?? props.inputs);
      run?.update({ workflow: version.workflow, inputs: next.values });
      const added = next.missing[0];
      if (!run || !added) return;
      if (mode === 'main') setMode('form');
      setNotice(mode === 'main' || mode === 'form' ? `new input \`${added}\`: enter its value, then Enter on Run` : newInputMessage(added));
    },
    [run, mode],
  );
  const fileState = useWorkflowFile(props.file, { enabled: props.watch, compile, onVersion, initialText: props.text });

  const failed = failedRecord(view);
  // the phase being worked on (or the one that failed) opens by itself unless the author said otherwise
  const activePhase = topPhase(view?.next) ?? topPhase(view?.order.filter((key) => view.records[key]?.status === 'running').pop()) ?? topPhase(failed?.key) ?? 0;
  const isExpanded = useCallback((phase: number) => expandedByAuthor[phase] ?? phase === activePhase, [expandedByAuthor, activePhase]);
  const records = view?.records ?? {};
  const items = useMemo(() => buildOutline(workflow, records, isExpanded), [workflow, records, isExpanded]);
  const selectable = items.filter(isSelectable);
  const selectedIndex = Math.max(0, selectable.findIndex((item) => item.id === selectedId));
  const selected: OutlineItem | undefined = selectable[selectedIndex];
  useFailedStep(failed, new Set(selectable.map((item) => item.id)), setSelectedId);

  /** The step r/e/f/u/m act on: the selected step, or the selected phase's first step with a result. */
  const targetRecord = (): StepRecord | undefined => {
    if (!selected || !view) return undefined;
    if (selected.kind === 'step') return view.records[selected.key];
    return phaseRecords(view.order, view.records, selected.phase).find((record) => record.status === 'done' || record.status === 'failed');
  };
  const current = targetRecord();
  const hasResult = Boolean(current && current.status !== 'running');
  // `h` also lists the versions of a step a rewind took out of the run
  const historyKey = selected?.kind === 'step' ? selected.key : current?.key;
  const review = useVersionReview({ run, view, mode, setMode, setNotice });
  // a tool call waiting for the author (stepping): Enter, e and x answer it
  const waiting = waitingCall(view);

  const exit = () => {
    props.onExit?.();
    app.exit();
  };

  const needResult = (verb: string): StepRecord | null => {
    const record = targetRecord();
    if (record && record.status !== 'running') return record;
    setNotice(`nothing to ${verb}: select a step that has a result (↑/↓)`);
    return null;
  };

  const editOutput = async (record: StepRecord) => {
    const editor = props.editor ?? editInEditor;
    const { text, extension } = editableText(record.output);
    setMode('editing');
    const resume = props.terminal?.suspend();
    let result: Awaited<ReturnType<typeof editInEditor>>;
    try {
      result = await editor(text, { extension });
    } finally {
      resume?.();
      setMode('main');
    }
    if (result === null) return setNotice('edit cancelled: the output is unchanged');
    if ('error' in result) return setNotice(result.error);
    const value = editedValue(record.output, text, result.text);
    if ('error' in value) return setNotice(value.error);
    run?.edit(record.key, value.value);
    setNotice(`kept your edit of ${record.as ?? record.key}`);
  };

  /** Hands the terminal to $EDITOR for `text` and takes it back. */
  const editText = async (text: string, extension: string) => {
    const editor = props.editor ?? editInEditor;
    setMode('editing');
    const resume = props.terminal?.suspend();
    try {
      return await editor(text, { extension });
    } finally {
      resume?.();
      setMode('main');
    }
  };

  const handlers: CommandHandlers = {
    next: () => {
      setPausing(false);
      withRun((r) => r.next());
    },
    phase: () => {
      setPausing(false);
      withRun((r) => r.runPhase());
    },
    continue: () => {
      setPausing(false);
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
      const next = Math.min(selectable.length - 1, Math.max(0, selectedIndex + (key === 'up' ? -1 : 1)));
      setSelectedId(selectable[next]?.id ?? null);
    },
    expand: (key) => {
      if (!selected) return;
      setExpandedByAuthor((was) => ({ ...was, [selected.phase]: key === 'right' }));
      if (key === 'left') setSelectedId(`p:${selected.phase}`);
    },
    'toggle-all': () => {
      const all = workflow.root.phases.every((_, phase) => isExpanded(phase));
      setExpandedByAuthor(Object.fromEntries(workflow.root.phases.map((_, phase) => [phase, !all])));
      if (all && selected) setSelectedId(`p:${selected.phase}`);
    },
    follow: () => handlers.scroll!('end'),
    scroll: (key) => {
      // a selected phase scrolls the step running in it, else its first result
      const running = selected?.kind === 'phase' && view ? phaseRecords(view.order, view.records, selected.phase).find((r) => r.status === 'running') : undefined;
      const record = running ?? targetRecord();
      if (!record) return;
      const page = Math.max(1, outputLinesFor(listHeight, true) - 2);
      const text = wholeText({ record, partial: view?.partials[record.key] });
      setScrolls((was) => {
        const { [record.key]: previous, ...others } = was;
        const next = scrollOutput(previous, key as ScrollKey, page, record, text);
        return next ? { ...others, [record.key]: next } : others;
      });
      // a phase the author reads in stays open when the run moves on
      if (key === 'pageup') setExpandedByAuthor((was) => (record.phase in was ? was : { ...was, [record.phase]: true }));
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
      setTarget(record);
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
      if (!key || !requestOf(key)) return setNotice('no request to show: select a step (↑/↓)');
      setMessagesKey(key);
      setMessagesScroll(0);
      setMode('messages');
    },
    history: () => {
      if (!historyKey) return setNotice('no history yet: select a step that has run (↑/↓)');
      const name = selected?.kind === 'step' ? selected.step.action!.as : current?.as;
      review.openHistory(historyKey, name ?? historyKey);
    },
    diff: () => review.diff(current),
    problems: () => problems.open(),
    inputs: () => {
      if (!workflow.inputs.length) return setNotice('this workflow has no inputs');
      setMode('form');
    },
    'api-key': () => {
      if (keyless) setMode('api-key');
    },
    help: () => {
      setHelpScroll(0);
      setMode('help');
    },
    quit: () => (status === 'running' ? setMode('quit') : exit()),
    interrupt: () => {
      if (status === 'running' && !interruptArmed.current) {
        interruptArmed.current = true;
        run?.cancel();
        setNotice('cancelled: press Ctrl+C again to quit');
        return;
      }
      exit();
    },
  };

  useKeyBindings(handlers, {
    isActive: mode !== 'form',
    intercept: (name, input) => {
      if (name !== 'ctrl+c') interruptArmed.current = false;
      if (mode === 'main') {
        setNotice(null);
        return toolKey(name, { run, waiting, setNotice, askReason: () => setMode('tool-reject'), edit: (text) => editText(text, 'json') });
      }
      if (mode === 'history' || mode === 'diff') return review.onKey(name, input, { width: columns, height: bodyHeight });
      if (mode === 'problems') {
        problems.onKey(name, input);
        return true;
      }
      if (mode === 'help') {
        const page = Math.max(1, bodyHeight - 2);
        const step = name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -page : name === 'pagedown' ? page : 0;
        if (step) setHelpScroll((was) => Math.min(helpMaxScroll(bodyHeight), Math.max(0, was + step)));
        else setMode('main');
      }
      else if (mode === 'quit') {
        if (input === 'y') exit();
        else if (input === 'n' || name === 'escape') setMode('main');
      } else if (mode === 'feedback' || mode === 'api-key' || mode === 'tool-reject') {
        if (name === 'escape') setMode('main');
      } else if (mode === 'messages') {
        if (name === 'escape' || input === 'm' || input === 'q') setMode('main');
        const page = Math.max(1, listHeight - 2);
        const step = name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -page : name === 'pagedown' ? page : 0;
        if (step) setMessagesScroll((was) => Math.max(0, was + step));
      }
      return true;
    },
  });

  const submitInputs = (values: Record<string, unknown>, remembered: Record<string, unknown>) => {
    remember.save(props.file, remembered);
    lastTyped.current = remembered;
    setMode('main');
    setNotice(null);
    if (run) run.update({ inputs: values });
    else startRun(values);
  };

  const cancelForm = () => {
    if (run) return setMode('main');
    // nothing to run without the inputs
    exit();
  };

  // a step failed for the lack of an OpenAI key: offer to enter and store one
  const keyless = status === 'failed' ? Object.values(view?.records ?? {}).find((record) => record.status === 'failed' && record.error?.kind === 'missing-key') ?? null : null;
  const hasHistory = Boolean(historyKey && view?.history[historyKey]?.length);
  /** `m`: what the step sent, or what it would send now (run.preview) */
  const requestOf = (key: string) => shownRequest(key, view?.records[key], () => run?.preview(key) ?? null);
  const messagesRequest = mode === 'messages' && messagesKey ? requestOf(messagesKey) : null;
  const keyContext: KeyContext = { status, hasResult, hasInputs: workflow.inputs.length > 0, needsKey: keyless !== null, hasHistory, stale: current?.stale === true, inHistory: mode === 'history', canPreview: Boolean(run && selected) && !hasResult, hasProblems: diagnostics.length > 0 };
  const model = props.modelOverride ?? workflow.model ?? props.defaultModel ?? 'model per action';
  const notSaved = useSaveProblem(props.saveProblem);
  // the banner keeps at most half the screen (the problems view `!` lists them all) and
  // gives way to that view; the notice row grows with its wrapped text
  const shownProblems = bannerLimit(diagnostics, source, columns, Math.floor(rows / 2));
  const banner = (mode === 'problems' ? 0 : bannerHeight(diagnostics, source, columns, shownProblems)) + (notSaved ? 1 : 0);
  const showing = mode === 'tool-reject' && waiting ? 'tool-reject' : mode === 'feedback' && target ? 'feedback' : mode === 'api-key' && keyless ? 'api-key' : mode === 'quit' || mode === 'editing' ? mode : 'notice';
  const noticeText = notice ?? (waiting ? toolNotice(waiting) : keyless ? 'failed: no OpenAI API key — press k to enter one (or set OPENAI_API_KEY)' : view?.error && status === 'failed' ? failureNotice(view.error.message, failed, current?.key ?? null) : ' ');
  const noticeRows = bottomLineRows(showing, noticeText, columns);
  const description = descriptionLines(workflow.description, columns, 3).length;
  const bodyHeight = Math.max(3, rows - 1 - 1 - 1 - noticeRows - banner);
  const problems = useProblemsView({ diagnostics, text: source, width: columns, height: bodyHeight, setMode, setNotice });
  const listHeight = Math.max(1, bodyHeight - description);
  const storeApiKey = (apiKey: string) => {
    setMode('main');
    try {
      (props.keyStore ?? openKeyStore)().set('openai.apiKey', apiKey);
    } catch (error) {
      return setNotice(`could not store the key: ${(error as Error).message}`);
    }
    setNotice('key stored: running the step again');
    if (keyless) run?.rerun(keyless.key);
  };
  const bottomLine = (
    <BottomLine
      showing={showing}
      stepName={target?.as ?? target?.key}
      notice={noticeText}
      width={columns}
      onFeedback={(instruction) => {
        setMode('main');
        if (target) run?.feedback(target.key, instruction);
      }}
      onApiKey={storeApiKey}
      toolName={waiting?.call.name}
      onToolReject={(message) => {
        setMode('main');
        if (waiting) run?.answerTool(waiting.record.key, waiting.call.id, { kind: 'reject', message });
      }}
    />
  );

  return (
    <Box flexDirection="column" height={rows - 1}>
      <Header
        file={props.file}
        title={workflow.title}
        width={columns}
        errors={diagnostics.length}
        status={status}
        pausing={pausing}
        asking={waiting !== null}
        model={model}
        usage={view?.usage ?? { inputTokens: 0, outputTokens: 0 }}
        streamingTokens={view?.streamingTokens ?? 0}
        activeMs={view?.activeMs ?? 0}
        runningSince={view?.runningSince ?? null}
        resumedAt={props.resumedAt ?? null}
        fileState={fileState}
      />
      {notSaved ? <SaveProblemBanner message={notSaved} /> : null}
      {mode === 'problems' ? null : <DiagnosticsBanner diagnostics={diagnostics} text={source} width={columns} limit={shownProblems} />}
      <Box flexDirection="column" height={bodyHeight} overflow="hidden" flexShrink={0}>
        {mode === 'form' ? (
          <FormScreen title={workflow.title}>
            <InputForm fields={workflow.inputs} focusOn={run ? inputsForWorkflow(workflow.inputs, run.state.inputs).missing[0] : undefined} initial={lastTyped.current ?? { ...remember.load(props.file), ...(props.explicit ?? props.inputs) }} baseDir={dirname(props.file)} onSubmit={submitInputs} onCancel={cancelForm} />
          </FormScreen>
        ) : mode === 'help' ? (
          <HelpOverlay height={bodyHeight} scroll={helpScroll} />
        ) : messagesRequest ? (
          <MessagesView request={messagesRequest} width={columns} height={bodyHeight} scroll={messagesScroll} />
        ) : mode === 'history' && review.history ? (
          <HistoryView {...review.history} width={columns} height={bodyHeight} />
        ) : mode === 'diff' && review.diffView ? (
          <DiffView {...review.diffView} width={columns} height={bodyHeight} />
        ) : mode === 'problems' ? (
          <ProblemsView {...problems.props} />
        ) : (
          <>
            <DescriptionView text={workflow.description} width={columns} maxLines={3} />
            <PhaseList workflow={workflow} view={view} items={items} selectedId={selected?.id ?? null} isExpanded={isExpanded} width={columns} height={listHeight} scrolls={scrolls} preview={(key) => run?.preview(key)?.prompt} />
          </>
        )}
      </Box>
      <Box height={noticeRows} flexShrink={0}>
        {bottomLine}
      </Box>
      <KeyHints context={keyContext} width={columns} override={MODAL_HINTS[mode] ?? (waiting && mode === 'main' ? TOOL_HINTS : null)} />
    </Box>
  );
}
