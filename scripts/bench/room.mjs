// The live room under load: N simulated participants join and answer the full form at the same time,
// each from its own loopback address (127.0.0.x: LOOPBACK ONLY, nothing leaves this machine), with a
// think time of 1-3 s between taps (a quick reader: people take 3-10 s to read a statement and answer). Measured: answers saved per second,
// the latency of saving one answer (p50, p99), the server's peak RSS, and answers lost, checked against
// every answer file the room wrote. Bounded: it stops by itself after DEADLINE_MS whatever happens.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const FULL = { participants: 200, thinkMs: [1000, 3000], form: [] };
/** For the test suite: proves the bench runs; under the per-participant rate limit (10 a second). */
const QUICK = { participants: 12, thinkMs: [100, 140], form: ['--quick'] };
const DEADLINE_MS = 300_000;

export default async function roomBench({ bin, node, quick, tempDir, log }) {
  const { participants, thinkMs, form } = quick ? QUICK : FULL;
  const dir = join(tempDir(), 'room');
  const server = spawn(node, [bin, 'room', dir, '--host', '127.0.0.1', '--port', '0', ...form], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const deadline = setTimeout(() => server.kill('SIGKILL'), DEADLINE_MS);
  try {
    const join_ = await joinUrl(server);
    const { origin, pathname } = new URL(join_);
    const ids = questionIds(await call(origin, 'GET', pathname, null, null, null));
    log(`room bench: ${participants} participants × ${ids.length} statements`);

    const latencies = [];
    /** The last answer of each form also writes the participant's answer file. */
    const finishing = [];
    const sent = [];
    const start = performance.now();
    await Promise.all(
      Array.from({ length: participants }, async (_, p) => {
        // 127.0.0.2 … 127.0.0.201: one address a phone, as on a Wi-Fi.
        const agent = new Agent({ keepAlive: true, localAddress: `127.0.${1 + Math.floor((p + 1) / 250)}.${2 + ((p + 1) % 250)}`, maxSockets: 1 });
        const role = p % 2 === 0 ? 'sales' : 'marketing';
        const joined = JSON.parse(await call(origin, 'POST', `${pathname}/api/join`, { respondent: { role } }, null, agent));
        const answers = {};
        for (const id of ids) {
          await sleep(thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]));
          const value = Math.random() < 0.1 ? 'na' : 1 + Math.floor(Math.random() * 5);
          const t = performance.now();
          await call(origin, 'PUT', `${pathname}/api/answers/${id}`, { value }, joined.credential, agent);
          (id === ids.at(-1) ? finishing : latencies).push(performance.now() - t);
          answers[id] = value;
        }
        agent.destroy();
        sent.push(canonical(role, answers));
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const peakRss = peakRssMb(server.pid);
    const cpu = cpuSeconds(server.pid);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));

    const written = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parseAnswerFile(readFileSync(join(dir, f), 'utf8')));
    const missing = [...sent].sort();
    for (const file of written) {
      const at = missing.indexOf(file);
      if (at >= 0) missing.splice(at, 1);
    }
    const lost = missing.reduce((n, s) => n + Object.keys(JSON.parse(s).answers).length, 0);
    const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
    const all = [...latencies, ...finishing];
    const at = (q) => quantile(all, q);
    return [
      { name: `participants (${quick ? 'quick' : 'full'} form, ${ids.length} statements each)`, value: participants, unit: 'people' },
      { name: 'answers saved per second', value: all.length / seconds, unit: 'answers/s' },
      { name: 'latency of saving one answer, p50', value: at(0.5), unit: 'ms' },
      { name: 'latency of saving one answer, p99 (target < 50 ms)', value: at(0.99), unit: `ms (${at(0.99) < 50 ? 'met' : 'NOT met'})` },
      { name: 'p99 of the answers before the last of each form', value: quantile(latencies, 0.99), unit: 'ms' },
      { name: 'p99 of the last answer of each form (writes the answer file)', value: quantile(finishing, 0.99), unit: 'ms' },
      { name: 'server peak RSS', value: peakRss, unit: 'MB' },
      { name: 'server CPU time (user + system) over the run', value: cpu, unit: `s of ${seconds.toFixed(1)} s` },
      { name: 'answer files written', value: written.length, unit: `of ${participants} participants` },
      { name: 'answers lost (every answer file checked)', value: lost, unit: 'answers' },
    ];
  } finally {
    clearTimeout(deadline);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

function joinUrl(server) {
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const url = /^Join: (\S+)$/m.exec(out)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the room exited ${code}`)));
  });
}

function call(origin, method, path, body, credential, agent) {
  const { hostname, port } = new URL(origin);
  const text = body === null ? undefined : JSON.stringify(body);
  const headers = { ...(text === undefined ? {} : { 'Content-Type': 'application/json' }), ...(credential ? { Authorization: `Bearer ${credential}` } : {}) };
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers, ...(agent ? { agent } : {}) }, (res) => {
      let data = '';
      res.setEncoding('utf8').on('data', (chunk) => (data += chunk));
      res.on('end', () => (res.statusCode >= 400 ? reject(new Error(`${method} ${path}: ${res.statusCode} ${data}`)) : resolve(data)));
    });
    req.on('error', reject);
    req.end(text);
  });
}

function questionIds(page) {
  const json = /<script type="application\/json" id="room-data">(.*?)<\/script>/s.exec(page)?.[1];
  return JSON.parse(json).questions.map((q) => q.id);
}

/** The answer file's role and answers, as one comparable string. */
function parseAnswerFile(text) {
  const role = /^ {2}role: (\S+)$/m.exec(text)?.[1];
  const answers = Object.fromEntries([...text.matchAll(/^ {2}([A-Za-z0-9_-]+): (\d+|na)$/gm)].map(([, id, v]) => [id, v === 'na' ? 'na' : Number(v)]));
  return canonical(role, answers);
}

function canonical(role, answers) {
  return JSON.stringify({ role, answers: Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b))) });
}

/** VmHWM: the most resident memory the process ever had (Linux). */
function peakRssMb(pid) {
  const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/** utime + stime from /proc/<pid>/stat, in seconds (Linux, 100 ticks a second). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
