// The whole screen: header, diagnostics banner, description, phases (or the inputs form,
// help, messages), a prompt line and the key hints. It only sends engine commands and
// renders engine events; everything it depends on comes in as props so tests can drive it.
// Each screen (screens/) owns its keys; the run screen's commands are in useRunCommands.
import { dirname } from 'node:path';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import type { StepRecord } from '../src/runtime/types.js';
import type { AppProps } from './app-props.js';
import { openKeyStore } from '../src/models/keys.js';
import { inputsForWorkflow } from '../src/runtime/inputs.js';
import { savedView } from './run-view.js';
import { Header } from './Header.js';
import { DiagnosticsBanner } from './DiagnosticsBanner.js';
import { DescriptionView } from './DescriptionView.js';
import { PhaseList } from './PhaseList.js';
import type { OutputScroll } from './output-scroll.js';
import { KeyHints, MODAL_HINTS } from './KeyHints.js';
import { BottomLine } from './BottomLine.js';
import { InputForm } from './InputForm.js';
import { FormScreen, FORM_HEADING_ROWS } from './FormScreen.js';
import { HelpScreen } from './screens/HelpScreen.js';
import { MessagesScreen } from './screens/MessagesScreen.js';
import { ReviewScreen } from './screens/ReviewScreen.js';
import { ProblemsScreen } from './screens/ProblemsScreen.js';
import { loadRememberedInputs, saveRememberedInputs } from './remembered-inputs.js';
import { useRun } from './hooks/useRun.js';
import { useRunStarter } from './hooks/useRunStarter.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { useWatchedWorkflow } from './hooks/useWatchedWorkflow.js';
import { useKeyBindings } from './hooks/useKeyBindings.js';
import { KeyboardProvider } from './hooks/KeyboardProvider.js';
import { useVersionReview } from './hooks/useVersionReview.js';
import { useProblemsView } from './hooks/useProblemsView.js';
import { useOutlineSelection } from './hooks/useOutlineSelection.js';
import { useRunCommands } from './hooks/useRunCommands.js';
import { useEditorHandover } from './hooks/useEditorHandover.js';
import type { KeyContext } from './keys.js';
import type { Mode } from './modes.js';
import { screenLayout } from './screen-layout.js';
import { SaveMovedLine, SaveProblemBanner, useSaveProblem } from './SaveProblemBanner.js';
import { failureNotice } from './hooks/useFailedStep.js';
import { shownRequest } from './shown-request.js';
import { KEYLESS_NOTICE, keylessRecord } from './keyless-step.js';
import { TOOL_HINTS, toolKey, toolNotice, waitingCall } from './hooks/useToolReview.js';

export type { AppProps };

const REMEMBER = { load: loadRememberedInputs, save: saveRememberedInputs };

/** The app with its one keyboard (hooks/KeyboardProvider.tsx): every key of every screen goes through it. */
export function App(props: AppProps) {
  return (
    <KeyboardProvider>
      <AppScreens {...props} />
    </KeyboardProvider>
  );
}

function AppScreens(props: AppProps) {
  const app = useApp();
  const measured = useTerminalSize();
  const { rows, columns } = props.size ?? measured;
  const remember = props.remember ?? REMEMBER;

  const askFirst = props.missing.length > 0 || (props.explicit !== undefined && props.workflow.inputs.some((field) => !(field.name in props.explicit!)));
  const [mode, setMode] = useState<Mode>(askFirst ? 'form' : 'main');
  const [scrolls, setScrolls] = useState<Record<string, OutputScroll>>({});
  const [messagesKey, setMessagesKey] = useState<string | null>(null);
  const [target, setTarget] = useState<StepRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pausing, setPausing] = useState(false);
  const interruptArmed = useRef(false);
  /** what the author typed in the form last time in this session */
  const lastTyped = useRef<Record<string, unknown> | null>(null);
  const workflowRef = useRef(props.workflow);
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

  const { workflow, source, diagnostics, warnings, fileState } = useWatchedWorkflow({ ...props, run, mode, workflowRef, setMode, setNotice });

  const outline = useOutlineSelection(workflow, view);
  const { selected, failed } = outline;
  const current = outline.targetRecord();
  const hasResult = Boolean(current && current.status !== 'running');
  // `h` also lists the versions of a step a rewind took out of the run
  const historyKey = selected?.kind === 'step' ? selected.key : current?.key;
  const review = useVersionReview({ run, view, mode, setMode, setNotice });
  // a tool call waiting for the author (stepping): Enter, e and x answer it
  const waiting = waitingCall(view);
  const keyless = keylessRecord(view, status);
  const editText = useEditorHandover({ editor: props.editor, terminal: props.terminal, setMode });

  /** what was typed in the form; quitting from it before the run starts keeps it for next time */
  const formDraft = useRef<Record<string, unknown>>({});
  const exit = () => {
    if (!run && Object.keys(formDraft.current).length) remember.save(props.file, { ...remember.load(props.file), ...formDraft.current });
    props.onExit?.();
    app.exit();
  };
  const back = () => setMode('main');

  const hasHistory = Boolean(historyKey && view?.history[historyKey]?.length);
  /** `m`: what the step sent, or what it would send now (run.preview) */
  const requestOf = (key: string) => shownRequest(key, view?.records[key], () => run?.preview(key) ?? null);
  const keyContext: KeyContext = { status, hasResult, hasInputs: workflow.inputs.length > 0, needsKey: keyless !== null, hasHistory, stale: current?.stale === true, inHistory: mode === 'history', canPreview: Boolean(run && selected) && !hasResult, hasProblems: diagnostics.length + warnings.length > 0 };
  const model = props.modelOverride ?? workflow.model ?? props.defaultModel ?? 'model per action';
  const notSaved = useSaveProblem(props.saveProblem);
  const moved = useSaveProblem(props.saveMoved);
  const showing = mode === 'tool-reject' && waiting ? 'tool-reject' : mode === 'feedback' && target ? 'feedback' : mode === 'api-key' && keyless ? 'api-key' : mode === 'quit' || mode === 'editing' ? mode : 'notice';
  const noticeText = notice ?? (waiting ? toolNotice(waiting) : keyless ? KEYLESS_NOTICE : view?.error && status === 'failed' ? failureNotice(view.error.message, failed, current?.key ?? null) : ' ');
  const layout = screenLayout({ rows, columns, diagnostics, source, description: workflow.description, problemsOpen: mode === 'problems', notSaved: Boolean(notSaved || moved), showing, noticeText });
  const { bodyHeight, listHeight } = layout;
  const problems = useProblemsView({ diagnostics, warnings, text: source, width: columns, height: bodyHeight, setMode, setNotice });

  const handlers = useRunCommands({ run, withRun, view, status, workflow, outline, review, problems, listHeight, historyKey, requestOf, keyless, interruptArmed, setMode, setNotice, setPausing, setScrolls, setTarget, setMessagesKey, editText, exit });
  // the run screen's keys; the other screens and prompts own theirs (Ctrl+C reaches `interrupt` on all)
  useKeyBindings(handlers, {
    isActive: mode !== 'form',
    intercept: (name) => {
      if (name !== 'ctrl+c') interruptArmed.current = false;
      if (mode === 'main') {
        setNotice(null);
        return toolKey(name, { run, waiting, setNotice, askReason: () => setMode('tool-reject'), edit: (text) => editText(text, 'json') });
      }
      // a prompt whose subject is gone shows the notice instead: Esc still leaves it
      if (showing === 'notice' && name === 'escape' && (mode === 'feedback' || mode === 'api-key' || mode === 'tool-reject')) back();
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

  const runScreen = (
    <>
      <DescriptionView text={workflow.description} width={columns} maxLines={3} />
      <PhaseList workflow={workflow} view={view} items={outline.items} selectedId={selected?.id ?? null} isExpanded={outline.isExpanded} width={columns} height={listHeight} scrolls={scrolls} preview={(key) => run?.preview(key)?.prompt} />
    </>
  );
  const body =
    mode === 'form' ? (
      <FormScreen title={workflow.title}>
        <InputForm fields={workflow.inputs} focusOn={run ? inputsForWorkflow(workflow.inputs, run.state.inputs).missing[0] : undefined} initial={lastTyped.current ?? { ...remember.load(props.file), ...(props.explicit ?? props.inputs) }} baseDir={dirname(props.file)} onSubmit={submitInputs} onCancel={cancelForm} onDraft={(changed) => (formDraft.current = changed)} height={bodyHeight - FORM_HEADING_ROWS} width={columns} />
      </FormScreen>
    ) : mode === 'help' ? (
      <HelpScreen height={bodyHeight} onClose={back} />
    ) : mode === 'messages' ? (
      <MessagesScreen request={messagesKey ? requestOf(messagesKey) : null} width={columns} height={bodyHeight} page={Math.max(1, listHeight - 2)} onClose={back} fallback={runScreen} />
    ) : mode === 'history' || mode === 'diff' ? (
      <ReviewScreen review={review} showing={mode} width={columns} height={bodyHeight} fallback={runScreen} />
    ) : mode === 'problems' ? (
      <ProblemsScreen problems={problems} />
    ) : (
      runScreen
    );

  return (
    <Box flexDirection="column" height={rows - 1}>
      <Header
        file={props.file}
        title={workflow.title}
        width={columns}
        errors={diagnostics.length}
        warnings={warnings.length}
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
      {notSaved ? <SaveProblemBanner message={notSaved} /> : moved ? <SaveMovedLine message={moved} /> : null}
      {mode === 'problems' ? null : <DiagnosticsBanner diagnostics={diagnostics} text={source} width={columns} limit={layout.shownProblems} />}
      <Box flexDirection="column" height={bodyHeight} overflow="hidden" flexShrink={0}>
        {body}
      </Box>
      <Box height={layout.noticeRows} flexShrink={0}>
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
          onBack={back}
          onQuit={exit}
        />
      </Box>
      <KeyHints context={keyContext} width={columns} override={MODAL_HINTS[mode] ?? (waiting && mode === 'main' ? TOOL_HINTS : null)} />
    </Box>
  );
}
