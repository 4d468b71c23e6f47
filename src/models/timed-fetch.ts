// A fetch for the providers that fails a model call when the server goes silent: Node's
// own defaults wait ~300 s for headers and again for every body chunk. The timer runs from
// the request until the headers, and restarts with every body chunk. Time out before the
// connection is up and the call "cannot reach" the server instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { ModelError } from './model-error.js';

export const TIMEOUT_HINT = 'press r to retry; allow longer with --timeout SECONDS or `timeout` in stepwise.config.ts';

/** The error a silent server ends a call with; the providers pass it through untouched. */
export function stoppedResponding(seconds: number): ModelError {
  return new ModelError('timeout', `the server stopped responding (no data for ${formatSeconds(seconds)} s): ${TIMEOUT_HINT}`, TIMEOUT_HINT);
}

/** `0.5`, `60`, `1.25`: no trailing zeros. */
export function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

interface CallState {
  /** fetch (undici) reported the request; without that, nothing is known about connecting */
  tracked: boolean;
  /** its headers went out on a connected socket */
  connected: boolean;
}

// Node's fetch announces each request and the moment its headers are written, on these
// documented undici channels; the request is matched to its call by async context. An
// enabled AsyncLocalStorage makes Node run a hook on every promise and callback of the
// whole process, so it is enabled only while some call is still waiting for its headers
// (after them nothing is matched any more) and disabled again once none is: a stream
// pays nothing for it per chunk.
const currentCall = new AsyncLocalStorage<CallState>();
const calls = new WeakMap<object, CallState>();
let waitingForHeaders = 0;
function headersSettled(): void {
  if (--waitingForHeaders === 0) currentCall.disable();
}
let listening = false;
function listenForConnections(): void {
  if (listening) return;
  listening = true;
  subscribe('undici:request:create', (message) => {
    const call = currentCall.getStore();
    const request = (message as { request?: object }).request;
    if (call && request) {
      call.tracked = true;
      calls.set(request, call);
    }
  });
  subscribe('undici:client:sendHeaders', (message) => {
    const request = (message as { request?: object }).request;
    const call = request && calls.get(request);
    if (call) call.connected = true;
  });
}

/** What fetch itself throws when connecting times out: the providers report it as a connection failure. */
function notConnected(seconds: number): TypeError {
  const cause = Object.assign(new Error(`no connection within ${formatSeconds(seconds)} s`), { code: 'UND_ERR_CONNECT_TIMEOUT' });
  return new TypeError('fetch failed', { cause });
}

export function timedFetch(idleSeconds: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  const idleMs = idleSeconds * 1000;
  listenForConnections();
  return async (input, init) => {
    const controller = new AbortController();
    const timeout = stoppedResponding(idleSeconds);
    const unreachable = notConnected(idleSeconds);
    const call: CallState = { tracked: false, connected: false };
    // One timer per silent spell, not one per chunk: a chunk only records when it came, and
    // the timer, when it fires early, waits again for what is left of the idle time.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastActivity = 0;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      outer?.removeEventListener('abort', cancel);
    };
    const expire = () => {
      timer = undefined;
      if (stopped) return;
      const left = lastActivity + idleMs - Date.now();
      if (left > 0) return arm(left);
      controller.abort(call.tracked && !call.connected ? unreachable : timeout);
    };
    // unref: a call nobody reads any more must not keep the process alive
    const arm = (ms: number) => {
      timer = setTimeout(expire, ms);
      timer.unref?.();
    };
    const restart = () => {
      lastActivity = Date.now();
      if (timer === undefined && !stopped) arm(idleMs);
    };
    // the step's cancel signal (the SDK passes it as init.signal) still stops the call
    const outer = init?.signal ?? undefined;
    const cancel = () => controller.abort(outer?.reason);
    if (outer?.aborted) cancel();
    else outer?.addEventListener('abort', cancel, { once: true });
    const failure = (error: unknown) => {
      const reason: unknown = controller.signal.reason;
      return reason === timeout || reason === unreachable ? reason : error;
    };

    restart();
    let response: Response;
    waitingForHeaders++;
    try {
      response = await currentCall.run(call, () => base(input, { ...init, signal: controller.signal }));
    } catch (error) {
      stop();
      throw failure(error);
    } finally {
      headersSettled();
    }
    if (!response.body) {
      stop();
      return response;
    }
    restart();
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            stop();
            stream.close();
            return;
          }
          restart();
          stream.enqueue(value);
        } catch (error) {
          stop();
          stream.error(failure(error));
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
