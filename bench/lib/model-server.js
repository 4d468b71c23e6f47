// A tiny OpenAI-compatible chat server on 127.0.0.1 that streams a long reply in many
// small chunks, so the TUI and headless runs can be timed against a model that is
// faster (or steadier) than any real one. Every request gets the same reply.
import { createServer } from 'node:http';

/**
 * @param {{ chunks: number, chunkText?: string, delayMs?: number }} options
 *   delayMs 0 streams as fast as the socket takes it; otherwise chunks are paced on a
 *   fixed schedule (10 ms = 100 chunks/s) so timer drift does not slow the rate.
 */
export async function startModelServer({ chunks, chunkText = 'lorem ipsum dolor.\n', delayMs = 0 }) {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (data) => (raw += data));
    req.on('end', () => void reply(req, res, raw));
  });
  let requests = 0;

  async function reply(req, res, raw) {
    requests++;
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.url}`, type: 'not_found' } }));
      return;
    }
    const body = JSON.parse(raw || '{}');
    const model = String(body.model ?? 'bench');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const started = performance.now();
    for (let i = 0; i < chunks; i++) {
      const delta = i === 0 ? { role: 'assistant', content: chunkText } : { content: chunkText };
      const ok = res.write(event(model, delta, null));
      if (res.destroyed) return;
      if (delayMs > 0) {
        const due = started + (i + 1) * delayMs;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      } else if (!ok) {
        await new Promise((resolve) => res.once('drain', resolve));
      }
    }
    res.write(event(model, {}, 'stop'));
    const usage = { prompt_tokens: 10, completion_tokens: Math.ceil((chunks * chunkText.length) / 4) };
    res.write(`data: ${JSON.stringify({ id: 'bench', object: 'chat.completion.chunk', created: 1700000000, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`);
    res.end('data: [DONE]\n\n');
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function event(model, delta, finishReason) {
  return `data: ${JSON.stringify({ id: 'bench', object: 'chat.completion.chunk', created: 1700000000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}
