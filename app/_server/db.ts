// The app's one Prisma client, kept on globalThis so dev-mode reloads do not open a new connection each time.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { databaseUrl } from "../../prisma/database-url";
import "./env";

const holder = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = (holder.prisma ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) }));
