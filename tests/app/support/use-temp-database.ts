// Import this FIRST in a test file: it points DATABASE_URL at a fresh migrated file before
// app/_server/db.ts creates the app's client.
import { createTempDatabase } from "./temp-database";

export const tempDatabase = createTempDatabase();
process.env.DATABASE_URL = tempDatabase.url;
