/**
 * npm run bench -- ttfb [--readers 50] [--requests 20] [--page /problems/sleep]
 *
 * Time to first byte of a problem page as a signed-in candidate sees it, with `readers` concurrent
 * readers each loading it `requests` times, against the built app (`node scripts/start.mjs`, production
 * build, a fresh SQLite file). Beside it, in the same run and with the same concurrency, the app's
 * health route: the floor of the server (routing, no database, no rendering). Figures are what the
 * client measures until the response headers arrive. Not a test: they depend on the machine.
 */
import { DEMO_PASSWORD } from "../prisma/seed/demo-users";
import { startAppServer } from "../tests/app/support/app-server";
import { createTempDatabase } from "../tests/app/support/temp-database";
import { summarize } from "./stats";

function parseArgs(argv: string[]): { readers: number; requests: number; page: string } {
  const out = { readers: 50, requests: 20, page: "/problems/sleep" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--readers") out.readers = Number(argv[++i]);
    else if (argv[i] === "--requests") out.requests = Number(argv[++i]);
    else if (argv[i] === "--page") out.page = argv[++i];
  }
  return out;
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "candidate@example.com", password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cd_session="));
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.split(";")[0];
}

/** Every reader loads `path` `requests` times in a row; returns each request's time to first byte (ms). */
async function readers(base: string, path: string, cookie: string, count: number, requests: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: count }, async () => {
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { cookie } }); // resolves when the headers arrive
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.arrayBuffer();
    }
  }));
  return times;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const database = createTempDatabase();
  const server = await startAppServer(database.url, 15 * 60_000);
  try {
    const cookie = await signIn(server.base);
    await readers(server.base, args.page, cookie, 5, 2); // warm-up: first renders compile and cache
    const page = summarize(await readers(server.base, args.page, cookie, args.readers, args.requests));
    const floor = summarize(await readers(server.base, "/api/health", cookie, args.readers, args.requests));
    const f1 = (x: number) => x.toFixed(1).padStart(8);
    console.log(`ttfb: ${args.readers} concurrent readers x ${args.requests} requests each, production build\n`);
    console.log(`${"route".padEnd(28)}  p50 ms    p95 ms   mean ms`);
    console.log(`${`${args.page} (candidate)`.padEnd(28)}${f1(page.p50)}  ${f1(page.p95)}  ${f1(page.mean)}`);
    console.log(`${"/api/health (floor)".padEnd(28)}${f1(floor.p50)}  ${f1(floor.p95)}  ${f1(floor.mean)}`);
    console.log(`\nproblem page p50 = ${(page.p50 / floor.p50).toFixed(1)}x the floor, p95 = ${(page.p95 / floor.p95).toFixed(1)}x`);
  } finally {
    await server.stop();
    database.remove();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench ttfb: ${(e as Error)?.message ?? e}`);
    process.exit(1);
  },
);
