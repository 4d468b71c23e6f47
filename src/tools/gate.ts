// Where a model's tool calls meet the author: each call is recorded on its step, waits for
// the author's answer while they step through the run (`n`, `p`) unless its tool says
// `approve: 'auto'`, then runs (or is refused, or rejected), and its result goes back to
// the model. The run exposes the answer as a command (`answerTool`); the UI only shows a
// waiting call and sends the author's answer.
import type { ToolAnswer, ToolCall } from './tool-call.js';
import type { ToolCallRequest, ToolReply } from '../models/types.js';
import { redact, redactValue } from '../models/secrets.js';
import type { ToolRegistry } from './registry.js';
import { jsonSize } from '../json-size.js';
import { formatBytes, formatOver } from '../limits.js';

export const NO_TOOLS_REPLY = 'refused: tools are turned off for this run (--no-tools); answer without calling tools';
const REJECTED_REPLY = 'the author rejected this call';

/** What the gate reads and writes of a step (the run's StepRecord): its key and its tool calls. */
export interface ToolCallHolder {
  key: string;
  toolCalls?: ToolCall[];
}

export interface ToolGateOptions<Holder extends ToolCallHolder> {
  registry: ToolRegistry;
  /** --no-tools: every call is refused */
  refuse: boolean;
  /** most bytes one call's result may take (limits.output): the model and the saved session get it */
  maxResult: number;
  /** a call of step `record` was recorded or changed (the run emits it as a `tool-call` event) */
  onCall: (record: Holder, call: ToolCall) => void;
  /** a call started waiting for the author (the run is idle until they answer) */
  onWait: () => void;
}

export class ToolGate<Holder extends ToolCallHolder> {
  /** calls wait for the author: the running step was let through by `n` or `p` (not `c`, not headless) */
  stepping = false;
  private readonly waiting = new Map<string, (answer: ToolAnswer) => void>();

  constructor(private readonly options: ToolGateOptions<Holder>) {}

  /** Whether a call waits for the author's answer now. */
  isWaiting(): boolean {
    return this.waiting.size > 0;
  }

  /** The author's answer to a waiting call; false when no such call waits. */
  answer(key: string, id: string, answer: ToolAnswer): boolean {
    const resolve = this.waiting.get(waitKey(key, id));
    resolve?.(answer);
    return resolve !== undefined;
  }

  /** `c`: the waiting call runs, and no later call of this run asks. */
  approveAll(): void {
    this.stepping = false;
    for (const resolve of [...this.waiting.values()]) resolve({ kind: 'approve' });
  }

  /** One call of the model during step `record`, which offered the tools named in `offered`. */
  async call(record: Holder, offered: string[], request: ToolCallRequest, signal: AbortSignal): Promise<ToolReply> {
    // numbered within the step: some models reuse their call ids from one round to the next
    let call: ToolCall = { id: String((record.toolCalls?.length ?? 0) + 1), name: request.name, args: redactValue(request.input), status: 'running' };
    if (this.options.refuse) return this.finish(record, call, 'refused', NO_TOOLS_REPLY, true);
    const tool = offered.includes(request.name) ? this.options.registry.get(request.name) : undefined;
    if (!tool) {
      const list = offered.map((name) => `\`${name}\``).join(', ');
      return this.finish(record, call, 'failed', `there is no tool \`${request.name}\` here; the tools are ${list}`, true);
    }
    let args = request.input;
    if (this.stepping && tool.approve !== 'auto') {
      this.put(record, { ...call, status: 'waiting' });
      const answer = await this.ask(record.key, call.id, signal).catch((error: unknown) => {
        // the step was cancelled while the call waited: it will never be answered
        this.put(record, { ...call, status: 'cancelled' });
        throw error;
      });
      if (answer.kind === 'reject') return this.finish(record, call, 'rejected', answer.message.trim() || REJECTED_REPLY, false);
      if (answer.kind === 'edit') {
        call = { ...call, args: redactValue(answer.args), proposed: call.args };
        args = answer.args;
      }
    }
    const parsed = tool.parameters.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `\`${issue.path.join('.')}\`: ` : '';
      return this.finish(record, call, 'failed', `invalid arguments for \`${tool.name}\`: ${where}${issue?.message ?? 'they do not match its parameters'}`, true);
    }
    this.put(record, { ...call, status: 'running' });
    try {
      const output = await tool.execute(parsed.data, { signal, abortSignal: signal, toolCallId: call.id });
      const bytes = jsonSize(output);
      if (bytes > this.options.maxResult) {
        const over = `the result of \`${tool.name}\` is ${formatOver(bytes, this.options.maxResult)}, over the ${formatBytes(this.options.maxResult)} limit for one step's output; return less, or raise \`limits.output\` in stepwise.config.ts`;
        return this.finish(record, call, 'failed', over, true);
      }
      return this.finish(record, call, 'done', redactValue(output === undefined ? null : output), false);
    } catch (error) {
      if (signal.aborted) {
        this.put(record, { ...call, status: 'cancelled' });
        throw error;
      }
      // the author's code may quote a service's reply, and with it a key
      return this.finish(record, call, 'failed', redact(`\`${tool.name}\` failed: ${(error as Error)?.message ?? String(error)}`), true);
    }
  }

  private finish(record: Holder, call: ToolCall, status: ToolCall['status'], result: unknown, error: boolean): ToolReply {
    this.put(record, { ...call, status, result });
    return { output: result, error };
  }

  /** A new list each time: saved sessions rely on values being replaced, never changed in place. */
  private put(record: Holder, call: ToolCall): void {
    const calls = record.toolCalls ?? [];
    const index = calls.findIndex((c) => c.id === call.id);
    record.toolCalls = index < 0 ? [...calls, call] : calls.map((c, i) => (i === index ? call : c));
    this.options.onCall(record, call);
  }

  private ask(key: string, id: string, signal: AbortSignal): Promise<ToolAnswer> {
    const waitingKey = waitKey(key, id);
    return new Promise<ToolAnswer>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(waitingKey);
        reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(waitingKey, (answer) => {
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(waitingKey);
        resolve(answer);
      });
      this.options.onWait();
    });
  }
}

function waitKey(key: string, id: string): string {
  return `${key}\n${id}`;
}
