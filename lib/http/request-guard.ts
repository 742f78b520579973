/**
 * Requests Next.js itself would answer with a 500 are refused in proxy.ts with a 4xx instead: a
 * path that is not valid percent-encoding, and server-action calls no React client sends (a body
 * that is not React's reply encoding, nested beyond reason, too large, or pointing at parts it
 * doesn't have). Fuzzing found each of these (e2e/fuzz.spec.ts).
 */

/** Next's default `serverActions.bodySizeLimit`. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;

/** `$`-strings of React's reply encoding that stand for a value, not for another part of the body. */
const VALUE_TOKEN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;
/** A FormData argument (`$K`, its entries may be none) or a promise of another part (`$@`). */
const PART_TOKEN = /^\$([K@])([0-9a-f]+)$/;

export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A reply React encoded: its root part parses, nests within reason and refers only to values and
 * to parts the body has. `parts` are the body's string fields by name.
 */
function wellFormedReply(parts: Map<string, string>, prefix: string, arrayRoot: boolean): boolean {
  const seen = new Set<string>();
  const pending: { value: unknown; depth: number }[] = [];
  const enqueue = (name: string, depth: number) => {
    if (seen.has(name)) return true;
    seen.add(name);
    const text = parts.get(name);
    if (text === undefined) return false;
    try {
      pending.push({ value: JSON.parse(text), depth });
    } catch {
      return false;
    }
    return true;
  };
  if (!enqueue(`${prefix}0`, 0)) return false;
  if (arrayRoot && !Array.isArray(pending[0]?.value)) return false;
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, depth } = item;
    if (depth > MAX_DEPTH) return false;
    if (typeof value === "string") {
      if (!value.startsWith("$") || VALUE_TOKEN.test(value)) continue;
      const part = PART_TOKEN.exec(value);
      if (!part || (part[1] === "@" && !enqueue(`${prefix}${part[2]}`, depth + 1))) return false;
    } else if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}

function stringFields(form: FormData): Map<string, string> {
  const fields = new Map<string, string>();
  form.forEach((value, name) => {
    if (typeof value === "string") fields.set(name, value);
  });
  return fields;
}

/** A form posted without JavaScript names its action in fields; a bound one carries a reply. */
function wellFormedFormAction(fields: Map<string, string>): boolean {
  for (const name of fields.keys()) {
    const bound = /^\$ACTION_REF_(.*)$/.exec(name);
    if (bound && !wellFormedReply(fields, `$ACTION_${bound[1]}:`, false)) return false;
  }
  return true;
}

/** The status to refuse a server-action call with, or undefined to let Next handle it. */
export async function refusedActionCall(request: Request): Promise<number | undefined> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  const multipart = type.startsWith("multipart/form-data");
  const fetchCall = request.headers.has("next-action");
  if (!fetchCall && !multipart) return undefined;
  const declared = Number(request.headers.get("content-length"));
  if (fetchCall && declared > MAX_ACTION_BODY_BYTES) return 413;
  if (multipart) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fetchCall ? 400 : undefined;
    }
    const fields = stringFields(form);
    if (!fetchCall) return wellFormedFormAction(fields) ? undefined : 400;
    return wellFormedReply(fields, "", true) ? undefined : 400;
  }
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_ACTION_BODY_BYTES) return 413;
  return wellFormedReply(new Map([["0", body]]), "", true) ? undefined : 400;
}
