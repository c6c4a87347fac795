// Publishing is a flag on the problem: versions are untouched, so stored submissions stay valid.
import "server-only";
import { z } from "zod";
import { db } from "../db";

export const setPublishedSchema = z.object({
  slug: z.string().trim().min(1, "Which problem?").max(100),
  published: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

/** Returns false when no problem has that slug. */
export async function setProblemPublished(slug: string, published: boolean): Promise<boolean> {
  const { count } = await db.problem.updateMany({ where: { slug }, data: { published } });
  return count === 1;
}
