// A tiny OpenAI-compatible chat-completions server on 127.0.0.1 for tests: the real SDK
// talks real HTTP to it, and each test scripts exactly what it answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

export type Reply =
  /** a text answer; streamed in `chunks` pieces (default 3) */
  | { kind: 'text'; text: string; chunks?: number; usage?: { prompt_tokens: number; completion_tokens: number } }
  /**
   * tool calls, streamed as OpenAI does: each call's id and name first, then its arguments
   * (JSON text, or `args` serialised) in `chunks` pieces, then finish_reason `tool_calls`
   */
  | { kind: 'tools'; calls: ToolCallReply[]; text?: string; chunks?: number }
  /** a JSON object answered as text, as for structured output */
  | { kind: 'json'; value: unknown; chunks?: number }
  /**
   * an HTTP error with an OpenAI-style `{ error: { message, type, code } }` body; `{authorization}`
   * in the message is replaced by the request's Authorization header, and `echoHeaders`
   * appends every request header (as a misbehaving proxy does)
   */
  | { kind: 'error'; status: number; message: string; type?: string; code?: string; headers?: Record<string, string>; echoHeaders?: boolean }
  /** accepts the request and never answers, not even the headers, until the client hangs up */
  | { kind: 'silent' }
  /** streams the first `sent` of `chunks` pieces of `text`, then a `data:` line that is not JSON, then the rest */
  | { kind: 'garbage'; text: string; chunks: number; sent: number; line?: string }
  /** streams the first `sent` of `chunks` pieces of `text`, then destroys the socket */
  | { kind: 'cut'; text: string; chunks: number; sent: number }
  /** streams the first `sent` of `chunks` pieces of `text`, then goes silent until the client hangs up */
  | { kind: 'hang'; text: string; chunks: number; sent: number };

export interface ToolCallReply {
  name: string;
  /** the arguments: a value (sent as JSON) or raw text (sent as it is) */
  args: unknown;
  id?: string;
}

export interface RecordedRequest {
  path: string;
  headers: Record<string, string>;
  body: any;
}

export interface OpenAIServer {
  /** `http://127.0.0.1:PORT/v1` */
  url: string;
  requests: RecordedRequest[];
  /** queue the reply for the next request (replies are used in order) */
  reply(next: Reply): void;
  close(): Promise<void>;
}

const DEFAULT_REPLY: Reply = { kind: 'text', text: 'Hello from the test server.' };

export async function startOpenAIServer(script: Reply[] = []): Promise<OpenAIServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = raw ? JSON.parse(raw) : undefined;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    requests.push({ path: req.url ?? '', headers, body });
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendError(res, { kind: 'error', status: 404, message: `no route ${req.method} ${req.url}` });
    }
    const reply = queue.shift() ?? DEFAULT_REPLY;
    if (reply.kind === 'silent') return;
    if (reply.kind === 'error') return sendError(res, echoRequest(reply, headers));
    const model = String(body?.model ?? 'test-model');
    if (reply.kind === 'tools') return sendToolCalls(res, model, reply, Boolean(body?.stream), Boolean(body?.stream_options?.include_usage));
    const text = reply.kind === 'json' ? JSON.stringify(reply.value) : reply.text;
    const usage = reply.kind === 'text' && reply.usage ? reply.usage : { prompt_tokens: 10, completion_tokens: Math.ceil(text.length / 4) };
    if (!body?.stream) return sendCompletion(res, model, text, usage);

    const pieces = splitEvenly(text, reply.chunks ?? 3);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const sent = reply.kind === 'cut' || reply.kind === 'hang' ? pieces.slice(0, reply.sent) : pieces;
    for (const [i, piece] of sent.entries()) {
      if (reply.kind === 'garbage' && i === reply.sent) await writeRaw(res, `data: ${reply.line ?? '{"choices": [oops'}\n\n`);
      await write(res, chunk(model, { ...(i === 0 ? { role: 'assistant' } : {}), content: piece }, null));
    }
    // the response stays open: closeAllConnections() ends it when the test closes the server
    if (reply.kind === 'hang') return;
    if (reply.kind === 'cut') {
      // Destroy only after the kernel has the chunks, so the client sees them before the break.
      res.socket?.destroy();
      return;
    }
    await write(res, chunk(model, {}, 'stop'));
    if (body.stream_options?.include_usage) {
      await write(res, { ...chunk(model, {}, null), choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (next) => void queue.push(next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function sendToolCalls(res: ServerResponse, model: string, reply: Extract<Reply, { kind: 'tools' }>, stream: boolean, includeUsage: boolean): Promise<void> {
  const calls = reply.calls.map((call, i) => ({
    id: call.id ?? `call_${i + 1}`,
    type: 'function',
    function: { name: call.name, arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args) },
  }));
  const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      id: 'chatcmpl-test', object: 'chat.completion', created: 1700000000, model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.text ?? null, tool_calls: calls }, finish_reason: 'tool_calls' }],
      usage,
    }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (reply.text) await write(res, chunk(model, { role: 'assistant', content: reply.text }, null));
  for (const [index, call] of calls.entries()) {
    await write(res, chunk(model, { ...(index === 0 && !reply.text ? { role: 'assistant' } : {}), tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }, null));
    for (const piece of splitEvenly(call.function.arguments, reply.chunks ?? 3)) {
      await write(res, chunk(model, { tool_calls: [{ index, function: { arguments: piece } }] }, null));
    }
  }
  await write(res, chunk(model, {}, 'tool_calls'));
  if (includeUsage) await write(res, { ...chunk(model, {}, null), choices: [], usage });
  res.end('data: [DONE]\n\n');
}

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function sendCompletion(res: ServerResponse, model: string, text: string, usage: { prompt_tokens: number; completion_tokens: number }) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1700000000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }),
  );
}

function echoRequest(reply: Extract<Reply, { kind: 'error' }>, headers: Record<string, string>): Extract<Reply, { kind: 'error' }> {
  let message = reply.message.replaceAll('{authorization}', headers.authorization ?? '');
  if (reply.echoHeaders) message += ` (request headers: ${JSON.stringify(headers)})`;
  return { ...reply, message };
}

function sendError(res: ServerResponse, reply: Extract<Reply, { kind: 'error' }>) {
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify({ error: { message: reply.message, type: reply.type ?? 'test_error', param: null, code: reply.code ?? null } }));
}

function write(res: ServerResponse, data: unknown): Promise<void> {
  return writeRaw(res, `data: ${JSON.stringify(data)}\n\n`);
}

function writeRaw(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve, reject) => res.write(text, (error) => (error ? reject(error) : resolve())));
}

function splitEvenly(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (part: string) => (data += part));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** A base URL where nothing listens: a port bound, then released. */
export async function closedPortUrl(): Promise<string> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
