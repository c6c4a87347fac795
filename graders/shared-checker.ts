/**
 * One TypeScript type checker kept across candidate submissions.
 *
 * Why: a new Program gets a new checker, and a new checker resolves again every lib type the solution
 * touches (Promise's variance, the overloads of `new Promise`, the runtime's declarations): 12-18 ms of
 * a typical check, where a checker that has resolved them once checks the same solution in 1.5-3 ms.
 *
 * How: a base program holds the lib and the runtime's declarations; the checker is created over it,
 * with a host that also lists the one submission being checked. Each submission is parsed and bound on
 * its own, under a path of its own (the checker files diagnostics by file name), checked, then dropped
 * from the list. A submission is a module (moduleDetection: force), so its declarations never reach
 * the checker's globals and one submission cannot change what the next one sees.
 *
 * What only a program of its own gets right is not done here (`check` returns null and compile.ts
 * makes one): declarations that merge into other scopes (`declare global`, `declare module`,
 * namespaces), references to other files or libs (`/// <reference>`), and comment directives
 * (`@ts-ignore`, `@ts-expect-error`, which a program applies to the checker's diagnostics).
 * tests/grader/shared-checker.test.ts compares both ways on every solution and fixture.
 *
 * A checked submission is emitted as a program emits a file (the checker's emit resolver, TypeScript's
 * transformers and printer), so the JavaScript is the same too.
 *
 * Uses TypeScript internals (createTypeChecker, bindSourceFile, the checker's getDiagnostics and emit
 * resolver, transformNodes): they are looked up once, and without them every submission goes to a
 * fresh program as before. Should one of them throw, the checker is dropped and so is the shortcut for
 * that submission.
 */
import type * as TS from "typescript";

/** The checker keeps what it learned of each submission (node and type caches, ~12 MB per 200): a new one then. */
const RECYCLE_AFTER = 200;

interface EmitResolver {
  hasGlobalName(name: string): boolean;
}
interface Transformed {
  transformed: TS.SourceFile[];
  emitNodeWithNotification: TS.PrintHandlers["onEmitNode"];
  isEmitNotificationEnabled: TS.PrintHandlers["isEmitNotificationEnabled"];
  substituteNode: TS.PrintHandlers["substituteNode"];
  dispose(): void;
}
interface Internals {
  createTypeChecker(host: TS.Program): TS.TypeChecker & {
    getDiagnostics(sf: TS.SourceFile): TS.Diagnostic[];
    getGlobalDiagnostics(): TS.Diagnostic[];
    getEmitResolver(sf: TS.SourceFile, token: undefined, forceDts: boolean): EmitResolver;
  };
  getTransformers(options: TS.CompilerOptions): { scriptTransformers: unknown[] };
  transformNodes(resolver: EmitResolver, host: TS.Program, factory: TS.NodeFactory, options: TS.CompilerOptions, nodes: TS.SourceFile[], transformers: unknown[], allowDts: boolean): Transformed;
  bindSourceFile(sf: TS.SourceFile, options: TS.CompilerOptions): void;
  getSetExternalModuleIndicator(options: TS.CompilerOptions): (sf: TS.SourceFile) => void;
}

type Checker = ReturnType<Internals["createTypeChecker"]>;

/** Fields the parser and binder set that TypeScript's public types leave out. */
interface ParsedFile extends TS.SourceFile {
  path: string;
  resolvedPath: string;
  originalFileName: string;
  parseDiagnostics: TS.Diagnostic[];
  bindDiagnostics: TS.Diagnostic[];
  commentDirectives?: unknown[];
}

/** A submission as its own program would check and emit it; fileName is unique to this check. */
export type SharedCheck =
  | { ok: false; sourceFile: TS.SourceFile; /** Syntax, bind and type errors. */ errors: TS.Diagnostic[] }
  | { ok: true; js: string; /** Names the module exports (values and types). */ exports: string[] };

/** Names a module exports (values and types), as its checker sees them; compile.ts's programs use it too. */
export function exportedNames(checker: TS.TypeChecker, sf: TS.SourceFile): string[] {
  const symbol = checker.getSymbolAtLocation(sf);
  return symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : [];
}

function internals(ts: typeof TS): Internals | null {
  const t = ts as unknown as Partial<Internals>;
  const ok = [t.createTypeChecker, t.bindSourceFile, t.getSetExternalModuleIndicator, t.getTransformers, t.transformNodes].every((f) => typeof f === "function");
  return ok ? (t as Internals) : null;
}

/** A submission the shared checker sees exactly as its own program would. */
function checkableAlone(ts: typeof TS, sf: ParsedFile): boolean {
  if (sf.commentDirectives?.length) return false;
  if (sf.referencedFiles.length || sf.libReferenceDirectives.length || sf.typeReferenceDirectives.length) return false;
  if (!ts.isExternalModule(sf)) return false;
  return !sf.statements.some((s) => ts.isModuleDeclaration(s));
}

export class SharedChecker {
  private checker?: Checker;
  private current?: TS.SourceFile;
  private host?: TS.Program;
  /** Paths are unique per check, for the process's life. */
  private checks = 0;
  /** Submissions the current checker has checked. */
  private checkedBy = 0;
  private readonly internals: Internals | null;
  /** Marks every file a module, as moduleDetection: force has a program do. */
  private readonly setExternalModuleIndicator?: (sf: TS.SourceFile) => void;

  /** `base` makes the program of the lib and ambient files (compile.ts, with its cache of parsed libs). */
  constructor(
    private readonly ts: typeof TS,
    private readonly options: TS.CompilerOptions,
    private readonly base: () => TS.Program,
  ) {
    this.internals = internals(ts);
    this.setExternalModuleIndicator = this.internals?.getSetExternalModuleIndicator(options);
  }

  /** The check of one TypeScript module, or null when it needs a program of its own. */
  check(source: string, fileName: string): SharedCheck | null {
    const ts = this.ts;
    const inner = this.internals;
    if (!inner) return null;
    const sf = ts.createSourceFile(
      `/shared/${++this.checks}/${fileName}`,
      source,
      { languageVersion: ts.ScriptTarget.ES2022, setExternalModuleIndicator: this.setExternalModuleIndicator },
      true,
    ) as ParsedFile;
    sf.path = sf.resolvedPath = sf.originalFileName = sf.fileName;
    if (!checkableAlone(ts, sf)) return null;
    const checker = this.checkerFor();
    const globalBefore = checker.getGlobalDiagnostics().length;
    this.current = sf;
    try {
      inner.bindSourceFile(sf, this.options);
      const errors = [
        ...ts.sortAndDeduplicateDiagnostics(sf.parseDiagnostics),
        ...ts.sortAndDeduplicateDiagnostics([...sf.bindDiagnostics, ...checker.getDiagnostics(sf)]),
      ].filter((d) => d.category === ts.DiagnosticCategory.Error);
      // A submission that made the checker report on its global state leaves it in doubt: start anew.
      if (checker.getGlobalDiagnostics().length !== globalBefore) return this.discard();
      if (errors.length > 0) return { ok: false, sourceFile: sf, errors };
      return { ok: true, js: this.emit(checker, sf), exports: exportedNames(checker, sf) };
    } catch {
      // A checker that threw may be half-way through a cache: never trust it again.
      return this.discard();
    } finally {
      this.current = undefined;
    }
  }

  /** As a program emits one file, with the checker's own emit resolver (TypeScript's emitJsFileOrBundle). */
  private emit(checker: Checker, sf: TS.SourceFile): string {
    const ts = this.ts;
    const inner = this.internals!;
    const resolver = checker.getEmitResolver(sf, undefined, false);
    const o = this.options;
    const result = inner.transformNodes(resolver, this.host!, ts.factory, o, [sf], inner.getTransformers(o).scriptTransformers, false);
    try {
      const printer = ts.createPrinter(
        // `module` and `target` are printer options TypeScript's public type leaves out.
        { removeComments: o.removeComments, newLine: o.newLine, noEmitHelpers: o.noEmitHelpers, module: o.module, target: o.target } as TS.PrinterOptions,
        {
          hasGlobalName: resolver.hasGlobalName,
          onEmitNode: result.emitNodeWithNotification,
          isEmitNotificationEnabled: result.isEmitNotificationEnabled,
          substituteNode: result.substituteNode,
        },
      );
      return printer.printFile(result.transformed[0]);
    } finally {
      result.dispose();
    }
  }

  private discard(): null {
    this.checker = undefined;
    return null;
  }

  private checkerFor(): Checker {
    if (this.checker && this.checkedBy < RECYCLE_AFTER) {
      this.checkedBy++;
      return this.checker;
    }
    this.checkedBy = 1;
    const program = this.base();
    const files = program.getSourceFiles();
    // The checker asks its host for the program's files (to bind them, and when it resolves a file by
    // name); the host answers with the submission in as well.
    const host = new Proxy(program, {
      get: (target, key) => {
        if (key === "getSourceFiles") return () => (this.current ? [...files, this.current] : files);
        if (key === "getSourceFile") return (name: string) => (name === this.current?.fileName ? this.current : target.getSourceFile(name));
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    this.host = host;
    this.checker = this.internals!.createTypeChecker(host);
    return this.checker;
  }
}
