/** A same-site path ("/x", not "//evil.example" or "/\\evil"): the only kind of "?next=" we follow. */
export function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !/[\r\n]/.test(path);
}
