// Problem statements: Markdown -> HTML on the server. Statements are authored by admins, but raw HTML in
// them is still escaped, so a package can never inject script into a candidate's page.
import "server-only";
import { Marked } from "marked";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SAFE_URL = /^(https?:|mailto:|\/|#|\.|[\w-]+(\/|$|\.|#))/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
  // javascript: and data: links would run in the candidate's page.
  walkTokens(token) {
    if ((token.type === "link" || token.type === "image") && !SAFE_URL.test(token.href)) token.href = "#";
  },
});

/** The page shows the title itself: a statement's leading "# Title" line would repeat it. */
export function withoutLeadingTitle(source: string): string {
  return source.replace(/^\s*#\s+[^\n]*\n/, "");
}

// A statement belongs to an immutable version: its HTML is computed once per content, not per view.
const rendered = new Map<string, string>();
const RENDERED_MAX = 200;

export function renderMarkdown(source: string): string {
  const hit = rendered.get(source);
  if (hit !== undefined) return hit;
  const html = marked.parse(source, { async: false }) as string;
  if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  rendered.set(source, html);
  return html;
}
