/**
 * The load generator, run by bench/run.ts as a child process of its own so that it never shares an event loop
 * with the server it measures: `node -r ts-node/register bench/drive.ts <spec.json>`. Drives one server with
 * autocannon as the spec says and prints one JSON line: rate, latency percentiles, errors and status counts.
 *
 * The load runs for `seconds` after `warmupSeconds` of the same load unmeasured; a spec with `requests` takes
 * them in turn, and with `once` sends each exactly once and stops (the enrollment rush: one teen a request).
 * With `urls` (several API processes, bench/scale.ts) the connections are spread evenly over them, the requests
 * still taken in turn from one list, and the percentiles made from every answer's time.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { percentile } from './support';

export interface DriveSpec {
  url: string;
  /** Base URLs of several servers to spread the connections over, instead of `url` alone. */
  urls?: string[];
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds?: number;
  /** Unmeasured seconds of the same load first. */
  warmupSeconds?: number;
  /** Requests taken in turn, whichever connection is free: for `seconds`, or each exactly `once`. */
  requests?: { path: string; headers?: Record<string, string>; body?: string }[];
  once?: boolean;
}

export interface DriveResult {
  requests: number;
  durationS: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Answers by the `status` in their body (the rush checks them: enrolled or waitlisted). */
  answers: Record<string, number>;
}

async function drive(spec: DriveSpec, seconds: number): Promise<DriveResult> {
  const statuses: Record<string, number> = {};
  const answers: Record<string, number> = {};
  const list = spec.requests;
  let next = 0;
  let lastAnswerAt = 0;
  // autocannon's own `requests` list is walked by every connection from its start; one request whose setup
  // takes the next entry hands them out in turn instead, to whichever connection is free.
  const turns = list && [
    {
      setupRequest: (request: Record<string, unknown>) => {
        const entry = list[next++ % list.length];
        return { ...request, path: entry.path, headers: { ...(request.headers as object), ...entry.headers }, ...(entry.body ? { body: entry.body } : {}) };
      },
      onResponse: (_status: number, body: string) => {
        lastAnswerAt = performance.now();
        const status = /"status":"(enrolled|waitlisted)"/.exec(body)?.[1] ?? 'other';
        answers[status] = (answers[status] ?? 0) + 1;
      },
    },
  ];
  const urls = spec.urls ?? [spec.url];
  const times: number[] = [];
  const share = (total: number, i: number) => Math.floor(total / urls.length) + (i < total % urls.length ? 1 : 0);
  const started = performance.now();
  const instances = urls.map((url, i) => {
    const instance = autocannon({
      url,
      method: spec.method ?? 'GET',
      headers: spec.headers,
      body: spec.body,
      connections: share(spec.connections, i),
      pipelining: 1,
      ...(turns ? { requests: turns } : {}),
      ...(spec.once ? { amount: share(list!.length, i) } : { duration: seconds }),
    } as autocannon.Options) as unknown as autocannon.Instance & Promise<autocannon.Result>;
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (spec.urls) times.push(responseTime);
    });
    return instance;
  });
  const results = await Promise.all(instances);
  // autocannon's duration is in whole seconds, and it notices the last answer of a fixed amount only at its
  // next one-second tick: a rush of a few seconds is timed to its last answer instead.
  const durationS = ((spec.once ? lastAnswerAt : performance.now()) - started) / 1000;
  const total = (pick: (r: autocannon.Result) => number) => results.reduce((sum, r) => sum + pick(r), 0);
  const sorted = times.sort((a, b) => a - b);
  const requests = total((r) => r.requests.total);
  return {
    requests,
    durationS: Math.round(durationS * 1000) / 1000,
    requestsPerSecond: Math.round((requests / durationS) * 10) / 10,
    p50Ms: spec.urls ? Math.round(percentile(sorted, 50)) : results[0].latency.p50,
    p99Ms: spec.urls ? Math.round(percentile(sorted, 99)) : results[0].latency.p99,
    errors: total((r) => r.errors + r.timeouts),
    non2xx: total((r) => r.non2xx),
    statuses,
    answers,
  };
}

async function main(spec: DriveSpec): Promise<DriveResult> {
  if (spec.warmupSeconds) await drive(spec, spec.warmupSeconds);
  return drive(spec, spec.seconds ?? 10);
}

main(JSON.parse(readFileSync(process.argv[2], 'utf8')) as DriveSpec).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
