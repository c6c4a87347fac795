// The timer is started, but nothing waits for it: an async function returns a promise
// that resolves as soon as its body ends, i.e. at once.
export async function sleep(ms: number): Promise<void> {
  setTimeout(() => {}, ms);
}
