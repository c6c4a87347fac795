"use client";
// The problem editor: every file of a package (graders/problem-package.ts) in one form. Saving sends the
// whole package as JSON; the server validates it with the package schema and stores a new version, or
// answers 400 with a message per field, shown beside the field and in a summary at the top.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CodeEditor } from "../../../../_components/code-editor";
import { VERDICT_LABEL } from "../../../../_components/verdict-badge";

export interface EditorDraft {
  config: Record<string, unknown>;
  statement: string;
  starter: string;
  driver: string;
  checker: string;
  tests: string;
  solutions: { name: string; source: string }[];
  wrong: { name: string; verdict: string; source: string }[];
}

interface Props {
  mode: "create" | "update";
  initial: EditorDraft;
  tracks: readonly string[];
  difficulties: readonly string[];
  /** Shown when the editor holds an older version than the current one. */
  loadedVersion?: number;
  /** The problem's current version when the page was loaded: a save is refused if another one moved it since. */
  baseVersion?: number;
}

const LIMITS: [string, string][] = [
  ["virtualMs", "Virtual time per test (ms)"],
  ["cpuMs", "CPU time per test (ms)"],
  ["wallMs", "Wall time per test (ms)"],
  ["memoryMb", "Memory (MB)"],
  ["outputBytes", "Console output (bytes)"],
  ["maxWorkers", "Workers at once"],
  ["maxWorkersTotal", "Workers in total"],
  ["maxMessages", "Messages"],
];
const CHECKS: [string, string][] = [
  ["longestTaskMs", "Longest main-thread task (CPU ms) before blocked_event_loop"],
  ["schedules", "Seeded schedules per threads test (race detection)"],
  ["speedupFactor", "Speedup factor (required = factor × min(workers, cores))"],
];
const WRONG_VERDICTS = Object.keys(VERDICT_LABEL).filter((v) => v !== "accepted");

type Errors = Record<string, string[]>;

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
const numbers = (o: unknown, keys: [string, string][]) => Object.fromEntries(keys.map(([k]) => [k, str((o as Record<string, unknown> | undefined)?.[k])]));

/** "" -> left out (the default applies); a number -> that number; anything else is sent as typed, for the server to reject by name. */
function numberFields(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v.trim() === "") continue;
    const n = Number(v);
    out[k] = Number.isFinite(n) ? n : v;
  }
  return out;
}

const splitList = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);

/** What the JSON tests editor says while typing; the server checks the same again with the package schema. */
function checkTests(text: string): { ok: true; summary: string } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(value)) return { ok: false, message: "The tests must be a JSON array of { name, sample, input, expected }." };
  if (value.length === 0) return { ok: false, message: "Add at least one test." };
  const names = new Set<string>();
  for (const [i, t] of value.entries()) {
    if (!t || typeof t !== "object" || Array.isArray(t)) return { ok: false, message: `Test ${i + 1} is not an object.` };
    const name = (t as { name?: unknown }).name;
    if (typeof name !== "string" || name === "") return { ok: false, message: `Test ${i + 1} needs a "name".` };
    if (names.has(name)) return { ok: false, message: `Two tests are called "${name}".` };
    names.add(name);
    const sample = (t as { sample?: unknown }).sample;
    if (sample !== undefined && typeof sample !== "boolean") return { ok: false, message: `Test "${name}": "sample" must be true or false.` };
    if (!("input" in t)) return { ok: false, message: `Test "${name}" has no "input".` };
  }
  const samples = value.filter((t) => (t as { sample?: boolean }).sample).length;
  return { ok: true, summary: `${value.length} tests: ${samples} sample, ${value.length - samples} hidden. Samples run first.` };
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

function Section({ title, children, description }: { title: string; children: ReactNode; description?: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="text-sm text-slate-600">{description}</p>}
      {children}
    </section>
  );
}

const inputClass = "w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

export function ProblemEditor({ mode, initial, tracks, difficulties, loadedVersion, baseVersion }: Props) {
  const router = useRouter();
  const c = initial.config;
  const [slug, setSlug] = useState(str(c.slug));
  const [title, setTitle] = useState(str(c.title));
  const [track, setTrack] = useState(str(c.track) || tracks[0]);
  const [difficulty, setDifficulty] = useState(str(c.difficulty) || difficulties[0]);
  const [pkgVersion, setPkgVersion] = useState(str(c.version ?? 1));
  const [exportsText, setExportsText] = useState(list(c.exports));
  const [forbidText, setForbidText] = useState(list(c.forbid));
  const [limits, setLimits] = useState(numbers(c.limits, LIMITS));
  const [checks, setChecks] = useState(numbers(c.checks, CHECKS));
  const [statement, setStatement] = useState(initial.statement);
  const [starter, setStarter] = useState(initial.starter);
  const [driver, setDriver] = useState(initial.driver);
  const [checker, setChecker] = useState(initial.checker);
  const [tests, setTests] = useState(initial.tests);
  const [solutions, setSolutions] = useState(initial.solutions);
  const [wrong, setWrong] = useState(initial.wrong);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error" | "conflict"; text: string }>({ kind: "idle", text: "" });
  const [base, setBase] = useState(baseVersion);
  const [preview, setPreview] = useState<string>("");
  const summaryRef = useRef<HTMLDivElement>(null);

  const testsCheck = useMemo(() => checkTests(tests), [tests]);

  // The preview is rendered by the server with the candidate page's renderer, a moment after typing stops.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/admin/markdown", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ markdown: statement }),
          signal: controller.signal,
        });
        const body = (await res.json()) as { html?: string; error?: string };
        setPreview(res.ok && body.html !== undefined ? body.html : `<p>Preview unavailable: ${body.error ?? res.status}</p>`);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setPreview("<p>Preview unavailable: the server did not answer.</p>");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [statement]);

  const err = (key: string) => errors[key];
  const errUnder = (prefix: string) => Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([, v]) => v);
  const describedBy = (key: string) => (errors[key] ? `${key}-error` : undefined);

  function packageBody() {
    return {
      config: {
        slug: slug.trim(),
        title,
        track,
        difficulty,
        version: pkgVersion.trim() === "" ? undefined : Number(pkgVersion),
        exports: splitList(exportsText),
        limits: numberFields(limits),
        checks: numberFields(checks),
        forbid: splitList(forbidText),
      },
      statement,
      starter,
      driver,
      checker,
      tests,
      solutions,
      wrong,
    };
  }

  // Unsaved edits: compared with what was last loaded or saved, and guarded when leaving the page.
  const current = JSON.stringify(packageBody());
  const [savedSnapshot, setSavedSnapshot] = useState(current);
  const dirty = current !== savedSnapshot;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  async function save(force = false) {
    setStatus({ kind: "saving", text: "Saving…" });
    setErrors({});
    const body = { ...packageBody(), ...(mode === "update" && !force && base !== undefined ? { baseVersion: base } : {}) };
    try {
      const res = await fetch(mode === "create" ? "/api/admin/problems" : `/api/admin/problems/${encodeURIComponent(str(c.slug))}`, {
        method: mode === "create" ? "POST" : "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { status?: string; version?: number; slug?: string; error?: string; code?: string; fieldErrors?: Errors };
      if (res.status === 409 && answer.code === "VERSION_CONFLICT") {
        setStatus({ kind: "conflict", text: answer.error ?? "Someone else saved this problem meanwhile." });
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      if (!res.ok) {
        setErrors(answer.fieldErrors ?? {});
        setStatus({ kind: "error", text: answer.error ?? `Saving failed (${res.status}).` });
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      setSavedSnapshot(JSON.stringify(packageBody()));
      if (mode === "create") {
        router.push(`/admin/problems/${answer.slug}/edit?created=1`);
        return;
      }
      setBase(answer.version);
      setStatus({
        kind: "saved",
        text: answer.status === "unchanged" ? `No changes: still version ${answer.version}.` : `Saved as version ${answer.version}. Candidates get it from now on; earlier submissions keep theirs.`,
      });
      router.replace(`/admin/problems/${answer.slug}/edit`);
      router.refresh();
    } catch {
      setStatus({ kind: "error", text: "The server did not answer. Your edits are still here; try again." });
    }
  }

  const errorEntries = Object.entries(errors);

  return (
    <form
      aria-label={mode === "create" ? "New problem" : "Edit problem"}
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {loadedVersion !== undefined && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          The editor holds version {loadedVersion}. Saving stores it as a new version, which becomes the current one.
        </p>
      )}
      <div ref={summaryRef} tabIndex={-1} role={status.kind === "error" || status.kind === "conflict" ? "alert" : "status"} className="outline-none">
        {status.text && (
          <div className={`rounded border p-3 text-sm ${status.kind === "error" || status.kind === "conflict" ? "border-red-300 bg-red-50 text-red-900" : "border-slate-200 bg-slate-50"}`}>
            <p className="font-medium">{status.text}</p>
            {status.kind === "conflict" && (
              <div className="mt-2 flex flex-wrap gap-2">
                <a href={`/admin/problems/${encodeURIComponent(str(c.slug))}/edit`} target="_blank" rel="noreferrer" className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 underline">
                  Open the newer version in a new tab
                </a>
                <button type="button" onClick={() => void save(true)} className="rounded border border-red-400 bg-white px-2 py-1 text-red-900 hover:bg-red-100">
                  Save mine anyway
                </button>
              </div>
            )}
            {errorEntries.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {errorEntries.map(([k, v]) => (
                  <li key={k}>
                    <code>{k}</code>: {v.join(" ")}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      <Section title="Problem">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="config.slug" className="block text-sm font-medium">
              Slug
            </label>
            <input id="config.slug" className={inputClass} value={slug} onChange={(e) => setSlug(e.target.value)} readOnly={mode === "update"} aria-describedby={describedBy("config.slug") ?? "slug-hint"} required />
            <p id="slug-hint" className="text-xs text-slate-500">
              {mode === "update" ? "Fixed once created (it is in every link)." : "Lower-case words joined by '-', e.g. add-async. Fixed once created."}
            </p>
            <FieldError id="config.slug-error" errors={err("config.slug")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.title" className="block text-sm font-medium">
              Title
            </label>
            <input id="config.title" className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={describedBy("config.title")} />
            <FieldError id="config.title-error" errors={err("config.title")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.track" className="block text-sm font-medium">
              Track
            </label>
            <select id="config.track" className={inputClass} value={track} onChange={(e) => setTrack(e.target.value)}>
              {tracks.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <FieldError id="config.track-error" errors={err("config.track")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.difficulty" className="block text-sm font-medium">
              Difficulty
            </label>
            <select id="config.difficulty" className={inputClass} value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
              {difficulties.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
            <FieldError id="config.difficulty-error" errors={err("config.difficulty")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.exports" className="block text-sm font-medium">
              Exports (comma-separated)
            </label>
            <input id="config.exports" className={`${inputClass} font-mono`} value={exportsText} onChange={(e) => setExportsText(e.target.value)} aria-describedby={describedBy("config.exports") ?? "exports-hint"} />
            <p id="exports-hint" className="text-xs text-slate-500">
              Names the solution module must export.
            </p>
            <FieldError id="config.exports-error" errors={errUnder("config.exports")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.forbid" className="block text-sm font-medium">
              Forbidden globals (comma-separated)
            </label>
            <input id="config.forbid" className={`${inputClass} font-mono`} value={forbidText} onChange={(e) => setForbidText(e.target.value)} placeholder="Promise.all" />
            <FieldError id="config.forbid-error" errors={errUnder("config.forbid")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="config.version" className="block text-sm font-medium">
              Package version (problem.json)
            </label>
            <input id="config.version" type="number" min={1} step={1} className={inputClass} value={pkgVersion} onChange={(e) => setPkgVersion(e.target.value)} />
            <FieldError id="config.version-error" errors={err("config.version")} />
          </div>
        </div>
      </Section>

      <Section title="Grading configuration" description="Leave a field empty for the grader's default. Limits apply to each test.">
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Limits</legend>
          {LIMITS.map(([k, label]) => (
            <div key={k} className="space-y-1">
              <label htmlFor={`config.limits.${k}`} className="block text-sm">
                {label}
              </label>
              <input id={`config.limits.${k}`} inputMode="decimal" placeholder="default" className={inputClass} value={limits[k]} onChange={(e) => setLimits({ ...limits, [k]: e.target.value })} aria-describedby={describedBy(`config.limits.${k}`)} />
              <FieldError id={`config.limits.${k}-error`} errors={err(`config.limits.${k}`)} />
            </div>
          ))}
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Behaviour checks</legend>
          {CHECKS.map(([k, label]) => (
            <div key={k} className="space-y-1">
              <label htmlFor={`config.checks.${k}`} className="block text-sm">
                {label}
              </label>
              <input id={`config.checks.${k}`} inputMode="decimal" placeholder="default" className={inputClass} value={checks[k]} onChange={(e) => setChecks({ ...checks, [k]: e.target.value })} aria-describedby={describedBy(`config.checks.${k}`)} />
              <FieldError id={`config.checks.${k}-error`} errors={err(`config.checks.${k}`)} />
            </div>
          ))}
        </fieldset>
      </Section>

      <Section title="Statement" description="Markdown. The preview is rendered exactly as the candidate's problem page renders it (its leading # title line is dropped there: the page shows the title).">
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="statement" className="block text-sm font-medium">
              Statement (Markdown)
            </label>
            <textarea id="statement" className={`${inputClass} h-96 font-mono`} value={statement} onChange={(e) => setStatement(e.target.value)} aria-describedby={describedBy("statement")} />
            <FieldError id="statement-error" errors={err("statement")} />
          </div>
          <div className="space-y-1">
            <h3 className="text-sm font-medium" id="preview-heading">
              Preview
            </h3>
            <div aria-labelledby="preview-heading" role="region" className="prose-statement h-96 overflow-auto rounded border border-slate-200 p-3" dangerouslySetInnerHTML={{ __html: preview }} />
          </div>
        </div>
      </Section>

      <Section title="Starter code" description="What the candidate's editor starts with.">
        <CodeEditor value={starter} onChange={setStarter} label="Starter code (TypeScript)" />
        <FieldError id="starter-error" errors={err("starter")} />
      </Section>

      <Section title="Driver and checker" description={<>The driver runs in the sandbox: <code>export async function run(input, solution)</code> calls the candidate&apos;s exports and returns observations. The checker (optional) runs on the host: <code>export function check(ctx)</code>; without one, the driver&apos;s value must deep-equal each test&apos;s <code>expected</code>.</>}>
        <div className="space-y-1">
          <CodeEditor value={driver} onChange={setDriver} label="Driver (driver.ts)" typeCheck={false} />
          <FieldError id="driver-error" errors={err("driver")} />
        </div>
        <div className="space-y-1">
          <CodeEditor value={checker} onChange={setChecker} label="Checker (checker.ts, empty for none)" typeCheck={false} />
          <FieldError id="checker-error" errors={err("checker")} />
        </div>
      </Section>

      <Section title="Tests" description={<>A JSON array, in running order: <code>{'[{ "name": "...", "sample": true, "input": ..., "expected": ... }]'}</code>. Sample tests are shown to candidates; the others are hidden.</>}>
        <label htmlFor="tests" className="block text-sm font-medium">
          Tests (JSON)
        </label>
        <textarea id="tests" spellCheck={false} className={`${inputClass} h-72 font-mono`} value={tests} onChange={(e) => setTests(e.target.value)} aria-describedby="tests-check" aria-invalid={!testsCheck.ok || errUnder("tests").length > 0} />
        <p id="tests-check" className={`text-sm ${testsCheck.ok ? "text-slate-600" : "text-red-700"}`} aria-live="polite">
          {testsCheck.ok ? testsCheck.summary : testsCheck.message}
        </p>
        {errUnder("tests").length > 0 && (
          <ul className="list-disc pl-5 text-sm text-red-700">
            {Object.entries(errors)
              .filter(([k]) => k === "tests" || k.startsWith("tests."))
              .map(([k, v]) => (
                <li key={k}>
                  {k === "tests" ? "" : `${k.replace(/^tests\.(\d+)/, (_, i) => `test ${Number(i) + 1}`)}: `}
                  {v.join(" ")}
                </li>
              ))}
          </ul>
        )}
      </Section>

      <Section title="Reference solutions" description="Each must be accepted (Validate checks it). The first one is also what the driver is type-checked against.">
        <FieldError id="solutions-error" errors={err("solutions")} />
        {solutions.map((s, i) => (
          <div key={i} className="space-y-2 rounded border border-slate-200 p-3">
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <label htmlFor={`solutions.${i}.name`} className="block text-sm font-medium">
                  Reference solution {i + 1}: file name
                </label>
                <input id={`solutions.${i}.name`} className={`${inputClass} font-mono`} value={s.name} onChange={(e) => setSolutions(solutions.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              </div>
              <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100" onClick={() => setSolutions(solutions.filter((_, j) => j !== i))}>
                Remove reference solution {i + 1}
              </button>
            </div>
            <FieldError id={`solutions.${i}-error`} errors={errUnder(`solutions.${i}`)} />
            <CodeEditor value={s.source} onChange={(v) => setSolutions((all) => all.map((x, j) => (j === i ? { ...x, source: v } : x)))} label={`Reference solution ${i + 1} (TypeScript)`} />
          </div>
        ))}
        <button type="button" className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100" onClick={() => setSolutions([...solutions, { name: `solution-${solutions.length + 1}.ts`, source: starter }])}>
          Add reference solution
        </button>
      </Section>

      <Section title="Known-wrong solutions" description="Each must get exactly the verdict it is tagged with (Validate checks it).">
        {wrong.map((w, i) => (
          <div key={i} className="space-y-2 rounded border border-slate-200 p-3">
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <label htmlFor={`wrong.${i}.name`} className="block text-sm font-medium">
                  Wrong solution {i + 1}: file name
                </label>
                <input id={`wrong.${i}.name`} className={`${inputClass} font-mono`} value={w.name} onChange={(e) => setWrong(wrong.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`wrong.${i}.verdict`} className="block text-sm font-medium">
                  Wrong solution {i + 1}: expected verdict
                </label>
                <select id={`wrong.${i}.verdict`} className={inputClass} value={w.verdict} onChange={(e) => setWrong(wrong.map((x, j) => (j === i ? { ...x, verdict: e.target.value } : x)))}>
                  {WRONG_VERDICTS.map((v) => (
                    <option key={v} value={v}>
                      {VERDICT_LABEL[v as keyof typeof VERDICT_LABEL]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100" onClick={() => setWrong(wrong.filter((_, j) => j !== i))}>
                Remove wrong solution {i + 1}
              </button>
            </div>
            <FieldError id={`wrong.${i}-error`} errors={errUnder(`wrong.${i}`)} />
            <CodeEditor value={w.source} onChange={(v) => setWrong((all) => all.map((x, j) => (j === i ? { ...x, source: v } : x)))} label={`Wrong solution ${i + 1} (TypeScript)`} />
          </div>
        ))}
        <button type="button" className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100" onClick={() => setWrong([...wrong, { name: `wrong-${wrong.length + 1}.ts`, verdict: "wrong_answer", source: starter }])}>
          Add known-wrong solution
        </button>
      </Section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 py-3">
        <button type="submit" disabled={status.kind === "saving"} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {mode === "create" ? "Create problem" : "Save as new version"}
        </button>
        <span className="text-sm text-slate-600" aria-hidden="true">
          {status.kind === "saving" ? "Saving…" : dirty ? "Unsaved changes" : status.kind === "saved" ? status.text : ""}
        </span>
      </div>
    </form>
  );
}
