// A fetch for the providers that fails a model call when the server goes silent: Node's
// own defaults wait ~300 s for headers and again for every body chunk. The timer runs from
// the request until the headers, and restarts with every body chunk.
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

export function timedFetch(idleSeconds: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  const idleMs = idleSeconds * 1000;
  return async (input, init) => {
    const controller = new AbortController();
    const timeout = stoppedResponding(idleSeconds);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', cancel);
    };
    // unref: a call nobody reads any more must not keep the process alive
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(timeout), idleMs);
      timer.unref?.();
    };
    // the step's cancel signal (the SDK passes it as init.signal) still stops the call
    const outer = init?.signal ?? undefined;
    const cancel = () => controller.abort(outer?.reason);
    if (outer?.aborted) cancel();
    else outer?.addEventListener('abort', cancel, { once: true });
    const failure = (error: unknown) => (controller.signal.reason === timeout ? timeout : error);

    restart();
    let response: Response;
    try {
      response = await base(input, { ...init, signal: controller.signal });
    } catch (error) {
      stop();
      throw failure(error);
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
