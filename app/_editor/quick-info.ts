// The hover tooltip's content: TypeScript's signature line and its documentation, as text nodes (the
// declarations are ours, but text is never parsed as HTML).
import type * as TS from "typescript";

function partsText(parts: readonly TS.SymbolDisplayPart[] | undefined): string {
  return (parts ?? []).map((p) => p.text).join("");
}

export function quickInfoDom(info: TS.QuickInfo): HTMLElement {
  const dom = document.createElement("div");
  dom.className = "max-w-xl space-y-1 px-2 py-1 text-xs";
  dom.setAttribute("data-testid", "type-info");
  const signature = dom.appendChild(document.createElement("pre"));
  signature.className = "whitespace-pre-wrap font-mono";
  signature.textContent = partsText(info.displayParts);
  const docs = partsText(info.documentation);
  if (docs) {
    const p = dom.appendChild(document.createElement("p"));
    p.className = "font-sans text-slate-700";
    p.textContent = docs;
  }
  return dom;
}
