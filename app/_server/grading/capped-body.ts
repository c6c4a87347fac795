// Reads a JSON request body without ever holding more than `maxBytes` of it: a declared Content-Length
// over the cap is refused before reading, and a chunked body is cut off as soon as it passes the cap.
import { GradingError } from "./grading-error";

export class BodyTooLargeError extends Error {
  readonly code = "BODY_TOO_LARGE";
}

export async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(`body of ${declared} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(`body over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON body of a submission request; the cap leaves room for JSON escaping around the code limit. */
export async function readSubmissionJson(request: Request, maxCodeBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new GradingError("INVALID_SUBMISSION", "Send the submission as JSON (Content-Type: application/json).");
  }
  let text: string;
  try {
    text = await readCappedText(request, 2 * maxCodeBytes + 16 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new GradingError("CODE_TOO_LARGE", `The request is too large; code may be at most ${maxCodeBytes} bytes.`);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new GradingError("INVALID_SUBMISSION", "The request body is not valid JSON.");
  }
}
