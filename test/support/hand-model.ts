// A model the test finishes by hand: each call streams "partial " and waits to be
// finished or aborted.
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';

export function handModel() {
  const calls: Array<{ request: GenerateRequest; finish: (text: string) => void }> = [];
  const waiters: Array<() => void> = [];
  const generate = (request: GenerateRequest) =>
    new Promise<GenerateResult>((resolve, reject) => {
      request.onTextDelta?.('partial ');
      request.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      calls.push({ request, finish: (text) => resolve({ output: text, usage: { inputTokens: 1, outputTokens: 2 } }) });
      waiters.splice(0).forEach((wake) => wake());
    });
  /** the next call the run makes (waits for it without sleeping) */
  const nextCall = async () => {
    const count = calls.length;
    while (calls.length === count) await new Promise<void>((resolve) => waiters.push(resolve));
    return calls[calls.length - 1]!;
  };
  return { generate, calls, nextCall };
}
