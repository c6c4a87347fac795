// Every end-to-end file needs the same lifecycle: a fresh database, the built app serving it and Chromium with
// a throwaway profile, all torn down even when a test fails. Jest runs hooks in the order they are registered,
// so a file can add its own beforeAll after this one and use the session there.
import { afterAll, beforeAll } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { startAppServer, type AppServer } from "../../app/support/app-server";
import { createTempDatabase, type TempDatabase } from "../../app/support/temp-database";
import { launchPersistentPage, requireChromium } from "./chromium";

export interface BrowserSession {
  readonly database: TempDatabase;
  readonly server: AppServer;
  readonly context: BrowserContext;
  readonly page: Page;
}

/** Without a profile prefix no page is opened: for a file that drives its own browser (several people at once). */
export function useBrowserSession(profilePrefix?: string): BrowserSession {
  const database = createTempDatabase();
  const profileDir = profilePrefix === undefined ? undefined : mkdtempSync(path.join(tmpdir(), profilePrefix));
  let server: AppServer | undefined;
  let browser: { context: BrowserContext; page: Page } | undefined;

  // Long timeouts: the first start of the app builds Next, minutes on a loaded machine.
  beforeAll(async () => {
    requireChromium();
    server = await startAppServer(database.url, 9 * 60_000);
    if (profileDir) browser = await launchPersistentPage(profileDir);
  }, 10 * 60_000);

  afterAll(async () => {
    await browser?.context.close();
    await server?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    database.remove();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what}: the browser session's beforeAll did not finish`);
    return value;
  };
  return {
    database,
    get server() {
      return started(server, "app server");
    },
    get context() {
      return started(browser, "browser page").context;
    },
    get page() {
      return started(browser, "browser page").page;
    },
  };
}
