/**
 * An exception nobody caught in a callback (timer, immediate, message listener, module body):
 * printed like Node's "Uncaught <error>" and reported to the host, which ends this thread.
 */
import { inspect } from "./inspect-lib";
import { host } from "./host";

export function describeError(e: unknown): { name: string; message: string; stack?: string } {
  if (e && typeof e === "object") {
    const o = e as { name?: unknown; message?: unknown; stack?: unknown };
    try {
      return { name: String(o.name ?? "Error"), message: String(o.message ?? ""), stack: typeof o.stack === "string" ? o.stack : undefined };
    } catch {
      return { name: "Error", message: "<unprintable error>" };
    }
  }
  return { name: "Error", message: safeInspect(e) };
}

export function safeInspect(v: unknown): string {
  try {
    return inspect(v);
  } catch {
    return "<uninspectable value>";
  }
}

export function reportUncaught(e: unknown): void {
  let cloneable: unknown = e;
  try {
    host.clone(e);
  } catch {
    cloneable = describeError(e);
  }
  host.uncaught(`Uncaught ${safeInspect(e)}\n`, describeError(e), cloneable);
}
