/**
 * The one check of a request's path and query as sent, before any route decodes them (docs/decisions/
 * 0033-request-target-checked-once.md): malformed percent-encoding, invalid UTF-8 (overlong forms included),
 * control characters and overlong parts are a 4xx with a message here, never a decoding error further in.
 */

/** Longer request targets are refused whole (414). */
export const MAX_TARGET_LENGTH = 8192;
/** No path segment of ours is near this long once decoded: ids, seat codes, postcodes, hashed file names. */
export const MAX_SEGMENT_LENGTH = 255;
/** A query value once decoded: the longest input we take is a pasted petition link (lib/petitions/input.ts). */
export const MAX_PARAM_LENGTH = 2048;

/** A form body we read (the seat search's): a few fields, far below this. */
export const MAX_FORM_BYTES = 4096;

/** C0 controls (NUL, TAB, CR, LF…) and DEL: no path or parameter of ours contains one. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The scheme and authority of an absolute-form target ("http://host/path"), which proxies may send. */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

export interface BadTarget {
  status: 400 | 414;
  message: string;
}

/**
 * A path segment or query part decoded strictly: null when its percent-encoding is malformed ("%", "%zz"), is not
 * UTF-8 ("%E0%A4%A", the overlong "%C0%AF"), or decodes to a control character.
 */
export function decodeComponent(raw: string): string | null {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return CONTROL.test(text) ? null : text;
}

const MALFORMED = (where: string): BadTarget => ({
  status: 400,
  message: `The address's ${where} has a malformed percent-encoding, invalid UTF-8 or a control character.`,
});

/** Why a request target (`request.url`: path and query as sent) is refused, or null when every part decodes. */
export function badRequestTarget(target: string): BadTarget | null {
  if (target.length > MAX_TARGET_LENGTH)
    return { status: 414, message: `The address is longer than ${MAX_TARGET_LENGTH} characters.` };
  const relative = target.replace(ABSOLUTE_FORM, "");
  const queryAt = relative.indexOf("?");
  const path = queryAt < 0 ? relative : relative.slice(0, queryAt);
  const query = queryAt < 0 ? "" : relative.slice(queryAt + 1);

  for (const segment of path.split("/")) {
    const decoded = decodeComponent(segment);
    if (decoded === null) return MALFORMED("path");
    if (decoded.length > MAX_SEGMENT_LENGTH)
      return {
        status: 414,
        message: `A part of the address's path is longer than ${MAX_SEGMENT_LENGTH} characters.`,
      };
  }
  for (const pair of query.split("&")) {
    // As forms send them: "+" is a space, and only the first "=" separates name and value.
    const equals = pair.indexOf("=");
    const [name, value] = equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    const decodedName = decodeComponent(name.replaceAll("+", " "));
    const decodedValue = decodeComponent(value.replaceAll("+", " "));
    if (decodedName === null || decodedValue === null) return MALFORMED("query");
    if (decodedName.length + decodedValue.length > MAX_PARAM_LENGTH)
      return { status: 414, message: `A query parameter is longer than ${MAX_PARAM_LENGTH} characters.` };
  }
  return null;
}

/** A request body as text, or null once it is longer than `maxBytes` (it is not read further). */
export async function boundedText(request: Request, maxBytes = MAX_FORM_BYTES): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
