/**
 * Ends this process at once with `code`, skipping Node's teardown (libc's _exit through koffi). A
 * process whose host threads used isolated-vm aborts now and then on the way out (the
 * IsolateEnvironment::GetCurrent assertion while worker threads are torn down: about 1 exit in 30
 * after the watchdog disposed a worker's isolate), which turned a finished `npm run sandbox` into exit
 * code 134 after its output. Call it only once the output is flushed.
 */
import { libc } from "./libc";

export function hardExit(code: number): never {
  const exit = libc()?.lib.func("_exit", "void", ["int"]) as ((c: number) => void) | undefined;
  exit?.(code);
  // No libc to call: Node's own exit, with its teardown.
  process.exit(code);
}
