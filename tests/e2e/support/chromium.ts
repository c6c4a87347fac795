// Debian's Chromium for the end-to-end tests (browsers cannot be downloaded here; CI installs the package).
import { existsSync } from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Fails the suite with what to install: an end-to-end test is never skipped silently. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (Debian). Not skipping.`);
  }
}

/** A browser with its own profile directory and its first page (30 s default timeout). */
export async function launchPersistentPage(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return { context, page };
}
