/**
 * Where the bundled node-inspect-extracted asks for V8's previewEntries (the build puts a call to this
 * in place of the library's stub, scripts/build-graders.mjs): the prelude's own version, handed over
 * when the inspect script is loaded (inspect-script.ts).
 */
export type PreviewEntries = (value: unknown, isIterator?: boolean) => [unknown[], boolean];

let impl: PreviewEntries = () => [[], false];

export function setPreviewEntries(f: PreviewEntries): void {
  impl = f;
}

export function previewEntries(value: unknown, isIterator?: boolean): [unknown[], boolean] {
  return impl(value, isIterator);
}
