import type { Health } from "../../src/healthz";

/** A browser stand-in: keeps the CSRF cookie and posts the form as multipart, like the page does. */
export class SignupClient {
  private cookie = "";

  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  async openForm() {
    const page = await this.get("/");
    return { ...page, token: csrfTokenFrom(page.html) };
  }

  async signUp(input: {
    name?: string;
    email?: string;
    password?: string;
    file?: { name: string; data: Buffer | string; type?: string };
    /** `null` leaves the token out, as a cross-site form would. */
    token?: string | null;
  }) {
    const token = input.token === undefined ? (await this.openForm()).token : input.token;
    const form = new FormData();
    if (token !== null) form.append("csrf_token", token);
    form.append("name", input.name ?? "");
    form.append("email", input.email ?? "");
    form.append("password", input.password ?? "");
    if (input.file) {
      const bytes =
        typeof input.file.data === "string" ? Buffer.from(input.file.data) : input.file.data;
      form.append(
        "attachment",
        // A copy in a plain Uint8Array: the DOM typings (portal tests) reject a Buffer here.
        new Blob([new Uint8Array(bytes)], { type: input.file.type ?? "" }),
        input.file.name,
      );
    } else {
      form.append("attachment", new Blob([]), "");
    }
    const response = await fetch(`${this.baseUrl}/`, {
      method: "POST",
      body: form,
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    return { status: response.status, html: await response.text() };
  }
}

export function csrfTokenFrom(html: string): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no CSRF token in the page");
  return match[1];
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The attachment hrefs on /admin, newest user first. */
export function attachmentLinks(html: string): string[] {
  return [...html.matchAll(/<td class="url"><a href="([^"]+)"/g)].map((match) =>
    decodeEntities(match[1] ?? ""),
  );
}

export async function healthOf(baseUrl: string) {
  const response = await fetch(`${baseUrl}/healthz`);
  return (await response.json()) as Health;
}
