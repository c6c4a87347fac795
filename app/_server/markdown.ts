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

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}
