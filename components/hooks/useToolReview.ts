// A tool call waiting for the author while they step through a run: the line above the
// keys says what the model wants to run, Enter runs it, `e` edits its arguments in
// $EDITOR, `x` (or `f`) rejects it with a message for the model. The engine holds the
// call (Run.answerTool); this only shows it and sends the author's answer.
import type { RunHandle } from '../../src/runtime/run-handle.js';
import type { StepRecord, ToolCall } from '../../src/runtime/types.js';
import { shortJson } from '../../src/tools/call-line.js';
import type { RunView } from '../run-view.js';
import type { editInEditor } from '../editor.js';
import type { KeyName } from '../keys.js';

export interface WaitingCall {
  record: StepRecord;
  call: ToolCall;
}

/** The footer while a call waits. */
export const TOOL_HINTS = 'Enter run it  e edit args  x reject  c run all calls  Esc cancel step  m request  ? help';

export function waitingCall(view: RunView | null): WaitingCall | null {
  if (!view) return null;
  for (const key of view.order) {
    const record = view.records[key];
    const call = record?.status === 'running' ? record.toolCalls?.find((c) => c.status === 'waiting') : undefined;
    if (record && call) return { record, call };
  }
  return null;
}

export function toolNotice({ record, call }: WaitingCall): string {
  return `${record.as ?? record.key} wants to call ${call.name} ${shortJson(call.args, 400)} — Enter run it · e edit arguments · x reject`;
}

export interface ToolReviewOptions {
  run: RunHandle | null;
  waiting: WaitingCall | null;
  /** opens the reject prompt */
  askReason: () => void;
  setNotice: (notice: string | null) => void;
  edit: (text: string) => ReturnType<typeof editInEditor>;
}

/** Keys of the run screen while a call waits; true when the key was used. */
export function toolKey(name: KeyName | null, options: ToolReviewOptions): boolean {
  const { run, waiting } = options;
  if (!run || !waiting) return false;
  const { record, call } = waiting;
  if (name === 'return' || name === 'n') {
    run.answerTool(record.key, call.id, { kind: 'approve' });
    return true;
  }
  if (name === 'x' || name === 'f') {
    options.askReason();
    return true;
  }
  if (name === 'e') {
    void editArguments(options, waiting);
    return true;
  }
  return false;
}

async function editArguments(options: ToolReviewOptions, { record, call }: WaitingCall): Promise<void> {
  const result = await options.edit(JSON.stringify(call.args, null, 2) + '\n');
  if (result === null) return options.setNotice(`the arguments are unchanged: Enter runs ${call.name} as the model asked`);
  if ('error' in result) return options.setNotice(result.error);
  let args: unknown;
  try {
    args = JSON.parse(result.text);
  } catch (error) {
    return options.setNotice(`the edited arguments are not JSON (${(error as Error).message}): press e to edit them again`);
  }
  options.run?.answerTool(record.key, call.id, { kind: 'edit', args });
  options.setNotice(`running ${call.name} with your arguments`);
}
