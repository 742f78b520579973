import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { z } from "zod";

export const ATTACHMENT_FIELD = "attachment";

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export interface SubmittedForm {
  fields: ReadonlyMap<string, string>;
  file: UploadedFile | null;
  fileTooLarge: boolean;
}

export class MalformedFormError extends Error {
  override name = "MalformedFormError";
}

/** Reads the whole form (bounded by busboy's limits) before anything is checked or stored. */
export function readForm(request: IncomingMessage, maxFileBytes: number): Promise<SubmittedForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: "utf8",
        // Keep the raw client name: safeFileName() alone decides what survives into the S3 key.
        preservePath: true,
        limits: { files: 1, fileSize: maxFileBytes, fields: 10, fieldSize: 16 * 1024, parts: 12 },
      });
    } catch (error) {
      reject(new MalformedFormError(error instanceof Error ? error.message : String(error)));
      return;
    }
    const fields = new Map<string, string>();
    let file: UploadedFile | null = null;
    let fileTooLarge = false;

    parser.on("field", (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      const fileName = info.filename;
      if (name !== ATTACHMENT_FIELD || !fileName) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        fileTooLarge = true;
        chunks.length = 0;
      });
      stream.on("end", () => {
        const data = Buffer.concat(chunks);
        if (!fileTooLarge && data.length > 0) file = { fileName, data };
      });
    });
    parser.on("error", (error) =>
      reject(new MalformedFormError(error instanceof Error ? error.message : String(error))),
    );
    parser.on("close", () => resolve({ fields, file, fileTooLarge }));
    request.on("aborted", () => reject(new MalformedFormError("request aborted")));
    request.pipe(parser);
  });
}

const CONTROL_CHARACTERS = /\p{Cc}/u;

const signupSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "이름을 입력하세요. / Name is required.")
    .max(255, "이름은 255자 이하로 입력하세요. / Name must be at most 255 characters.")
    .refine(
      (name) => !CONTROL_CHARACTERS.test(name),
      "이름에 제어 문자를 쓸 수 없습니다. / Name contains control characters.",
    ),
  email: z
    .string()
    .trim()
    .min(1, "이메일을 입력하세요. / Email is required.")
    .max(255, "이메일은 255자 이하로 입력하세요. / Email must be at most 255 characters.")
    .pipe(z.email("올바른 이메일 주소가 아닙니다. / Not a valid email address.")),
  password: z
    .string()
    .min(8, "비밀번호는 8자 이상이어야 합니다. / Password must be at least 8 characters.")
    .max(128, "비밀번호는 128자 이하로 입력하세요. / Password must be at most 128 characters."),
});

export type SignupInput = z.output<typeof signupSchema>;
export type SignupField = keyof SignupInput;
export type FieldErrors = Partial<Record<SignupField, string>>;

export function validateSignup(
  fields: ReadonlyMap<string, string>,
): { ok: true; value: SignupInput } | { ok: false; errors: FieldErrors } {
  const result = signupSchema.safeParse({
    name: fields.get("name") ?? "",
    email: fields.get("email") ?? "",
    password: fields.get("password") ?? "",
  });
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SignupField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
