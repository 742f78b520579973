import { NextResponse } from "next/server";
import { z } from "zod";
import { currentAttendee } from "@/lib/auth/session";
import { open } from "@/lib/crypto";
import { db } from "@/lib/db";
import { takeSecretDownload } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { NONCE_HEADER } from "@/lib/security-headers";
import { downloadGonePage } from "./gone-page";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const noStore = { "Cache-Control": "no-store" };

/** A secret (a private key, a password) is handed over exactly once, to the attendee it was made for, then deleted. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const session = await currentAttendee();
  if (!session)
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: noStore });
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success)
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const row = await takeSecretDownload(await db(), token.data, session.attendee.id);
  if (!row) {
    const { locale, t } = await getTranslator();
    const nonce = request.headers.get(NONCE_HEADER) ?? "";
    return new NextResponse(downloadGonePage(locale, t, nonce), {
      status: 410,
      headers: { ...noStore, "Content-Type": "text/html; charset=utf-8" },
    });
  }
  const content = open(
    { ciphertext: row.ciphertext, iv: row.iv, tag: row.tag },
    `download:${row.token}`,
  );
  return new NextResponse(content, {
    headers: {
      ...noStore,
      "Content-Type": row.filename.endsWith(".pem")
        ? "application/x-pem-file"
        : "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${row.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
  });
}
