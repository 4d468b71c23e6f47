// A tiny OpenAI-compatible chat server on 127.0.0.1 that streams a long reply in many
// small chunks, so the TUI and headless runs can be timed against a model that is
// faster (or steadier) than any real one. Every request gets the same reply.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

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
    // every chunk after the first is the same event: made once, so the server's own CPU
    // stays out of the way of the process it feeds
    const first = event(model, { role: 'assistant', content: chunkText }, null);
    const next = event(model, { content: chunkText }, null);
    for (let i = 0; i < chunks; i++) {
      const ok = res.write(i === 0 ? first : next);
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

/**
 * The same server in a process of its own. The benchmarks use this one: in the
 * benchmark's own process the server would share a thread with the terminal emulator
 * that reads the TUI's screen, and every frame it parsed would hold back the stream, for
 * the TUI run but not for the headless one.
 */
export async function startModelServerProcess(options) {
  const { fork } = await import('node:child_process');
  const child = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(options)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const baseURL = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.baseURL));
    child.once('exit', (code) => reject(new Error(`the model server exited (code ${code}) before it listened`)));
  });
  return {
    baseURL,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

if (process.argv[2] === '--serve' && process.send) {
  const server = await startModelServer(JSON.parse(process.argv[3]));
  process.send({ baseURL: server.baseURL });
}
