import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import type { AnswerValue } from '../core/answers.js';
import { answersFileSchema } from '../core/answers-schema.js';
import { HEARTBEAT_MS, MAX_BODY_BYTES, MAX_EVENT_STREAMS, PER_ADDRESS, PER_PARTICIPANT } from './limits.js';
import { RateLimiter } from './rate-limit.js';
import { RequestError } from './request-error.js';
import type { Page, RoomApi } from './room-api.js';
import { sameToken, TOKEN_PATTERN } from './tokens.js';

// The room's HTTP layer on node:http: the Host check, the tokens, body limits, rate limits and the routes.
// Nothing from a request reaches the file system: ids are looked up in the room, never joined into paths.

const joinBody = z.strictObject({ respondent: answersFileSchema.shape.respondent });
// The answer file's value schema, less its null (an empty answer in a template): an answer must be given.
const answerBody = z.strictObject({ value: answersFileSchema.shape.answers.valueType.refine((v) => v !== null, 'an answer is required') });

/** Only the characters our own URLs use: no percent-escapes (encoded slashes, NUL), no backslashes. */
const SAFE_PATH = /^\/[A-Za-z0-9/_.-]*$/;

export interface RoomServer {
  /** The address:port the server listens on, as the Host header must name it. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startRoomServer(api: RoomApi, host: string, port: number): Promise<RoomServer> {
  const byAddress = new RateLimiter(PER_ADDRESS);
  const byParticipant = new RateLimiter(PER_PARTICIPANT);
  const streams = new Set<ServerResponse>();
  let origin = '';

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof RequestError) sendJson(res, error.status, { error: error.message });
      else {
        sendJson(res, 500, { error: 'internal error' });
        process.emitWarning(error instanceof Error ? error : String(error));
      }
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const client = req.socket.remoteAddress ?? 'unknown';
    if ((req.headers.host ?? '').toLowerCase() !== origin) {
      if (!byAddress.take(client)) throw new RequestError(429, 'too many requests');
      throw new RequestError(421, 'this server answers only to its own address');
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const segments = path.split('/').slice(1);
    const [area = '', token, ...rest] = segments;
    const expected = area === 'j' ? api.joinToken : area === 's' ? api.screenToken : null;
    if (
      !SAFE_PATH.test(path) ||
      segments.some((s) => s === '' || s === '.' || s === '..') ||
      expected === null ||
      token === undefined ||
      !TOKEN_PATTERN.test(token) ||
      !sameToken(token, expected)
    ) {
      if (!byAddress.take(client)) throw new RequestError(429, 'too many requests');
      throw new RequestError(SAFE_PATH.test(path) ? 404 : 400, SAFE_PATH.test(path) ? 'no such room' : 'malformed path');
    }
    const method = routeMethod(area, rest);
    if (method === null) throw new RequestError(404, 'no such page');
    if (method !== req.method) throw new RequestError(405, `use ${method}`);
    const route = `${req.method} ${area}/${rest.join('/')}`;

    if (area === 's') {
      if (!byParticipant.take(`screen ${client}`)) throw new RequestError(429, 'too many requests');
      if (route === 'GET s/') return sendPage(res, await api.screenPage());
      if (route === 'GET s/report') return sendPage(res, await api.report());
      if (route === 'GET s/api/status') return sendJson(res, 200, api.status());
      if (route === 'POST s/api/reveal') {
        await readJson(req, z.strictObject({}));
        return sendJson(res, 200, await api.reveal());
      }
      return openStream(res);
    }

    if (route === 'GET j/' || route === 'POST j/api/join') {
      if (!byAddress.take(client)) throw new RequestError(429, 'too many requests');
      if (route === 'GET j/') return sendPage(res, api.phonePage());
      const body = await readJson(req, joinBody);
      const { role, name, team } = body.respondent;
      if (role === undefined || role === null) throw new RequestError(400, 'respondent.role is required');
      return sendJson(res, 201, await api.join({ role, ...(name ? { name } : {}), ...(team ? { team } : {}) }));
    }
    const participant = authenticate(req);
    if (participant === null) {
      if (!byAddress.take(client)) throw new RequestError(429, 'too many requests');
      throw new RequestError(401, 'unknown participant: join first');
    }
    if (!byParticipant.take(participant)) throw new RequestError(429, 'too many requests');
    if (route === 'GET j/api/me') return sendJson(res, 200, await api.state(participant));
    const { value } = await readJson(req, answerBody);
    return sendJson(res, 200, await api.answer(participant, rest[2] ?? '', value as AnswerValue));
  }

  function authenticate(req: IncomingMessage): string | null {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]{1,100})$/.exec(header);
    return match?.[1] === undefined ? null : api.authenticate(match[1]);
  }

  function openStream(res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) throw new RequestError(429, 'too many screens are listening');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    const send = (status: unknown) => res.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
    send(api.status());
    const stop = api.onStatus(send);
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      stop();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  origin = `${host}:${bound}`.toLowerCase();
  return {
    origin,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Each route's method, to tell a wrong method (405) from a path that is not there (404). */
const ROUTES: Record<string, Record<string, string>> = {
  j: { '': 'GET', 'api/join': 'POST', 'api/me': 'GET', 'api/answers/*': 'PUT' },
  s: { '': 'GET', report: 'GET', 'api/status': 'GET', 'api/reveal': 'POST', 'api/events': 'GET' },
};

function routeMethod(area: string, rest: readonly string[]): string | null {
  const path = rest.length === 3 && rest[0] === 'api' && rest[1] === 'answers' ? 'api/answers/*' : rest.join('/');
  return ROUTES[area]?.[path] ?? null;
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RequestError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  if (type !== 'application/json') throw new RequestError(415, 'the body must be application/json');
  let data: unknown;
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequestError(400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // The URLs carry the room's tokens: never pass them on.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'",
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendPage(res: ServerResponse, page: Page): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': page.csp,
    'Content-Length': Buffer.byteLength(page.html),
  });
  res.end(page.html);
}
