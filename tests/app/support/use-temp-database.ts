// Import this FIRST in a test file that loads app/_server modules: it points DATABASE_URL at a fresh
// migrated file before app/_server/db.ts creates the app's client, and lets "server-only" modules load
// outside Next (that package throws unless bundled for the server).
import { jest } from "@jest/globals";
import { createTempDatabase } from "./temp-database";

jest.mock("server-only", () => ({}));

export const tempDatabase = createTempDatabase();
process.env.DATABASE_URL = tempDatabase.url;
