"use server";
// Admin action behind the publish/unpublish buttons of /admin/problems and each problem's edit page.
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requirePermission } from "../guards";
import { setProblemPublished, setPublishedSchema } from "../problems/set-published";

export async function setProblemPublishedAction(formData: FormData): Promise<void> {
  await requirePermission("problems:manage");
  const parsed = setPublishedSchema.safeParse({ slug: formData.get("slug"), published: formData.get("published") });
  if (!parsed.success) throw new Error("Invalid publish request.");
  if (!(await setProblemPublished(parsed.data.slug, parsed.data.published))) notFound();
  revalidatePath("/admin/problems");
  revalidatePath(`/admin/problems/${parsed.data.slug}/edit`);
  revalidatePath("/problems");
}
