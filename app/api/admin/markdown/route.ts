import { z } from "zod";
import { apiRoute, parseBody } from "../../../_server/api-route";
import { renderMarkdown, withoutLeadingTitle } from "../../../_server/markdown";

const bodySchema = z.object({ markdown: z.string({ error: "Send the Markdown as a string." }).max(200_000, "The statement is too long to preview.") });

/** The editor's live preview: rendered by the very function the candidate's problem page uses. */
export const POST = apiRoute("problems:manage", async ({ request }) => {
  const { markdown } = await parseBody(request, bodySchema);
  return Response.json({ html: renderMarkdown(withoutLeadingTitle(markdown)) });
});
