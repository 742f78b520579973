import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppConfig } from "./config";
import { CSRF_COOKIE, CSRF_FIELD, type Csrf } from "./csrf";
import { type Database, DatabaseError } from "./db";
import { type FieldErrors, MalformedFormError, readForm, validateSignup } from "./form";
import { collectHealth } from "./healthz";
import { hasAdminCredentials, parseCookies, sendHtml, sendJson, sessionCookie } from "./http";
import type { InstanceMetadata } from "./imds";
import { hashPassword } from "./password";
import { type Storage, StorageError, classifyS3Error } from "./storage";
import { explainDatabaseError, explainStorageError } from "./teaching";
import {
  type AdminRow,
  type Flash,
  adminPage,
  explanationPage,
  messagePage,
  signupPage,
} from "./views";

export interface Services {
  config: AppConfig;
  database: Database;
  storage: Storage;
  metadata: InstanceMetadata | null;
  csrf: Csrf;
  log: (line: string) => void;
}

const ADMIN_ROW_LIMIT = 100;
/** Room for the text fields and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export async function route(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { pathname } = new URL(request.url ?? "/", "http://sample-app.invalid");
  const method = request.method === "HEAD" ? "GET" : request.method;
  const allow = (methods: string) => {
    sendHtml(
      response,
      405,
      messagePage(
        { ko: "허용되지 않는 요청 방식", en: "Method not allowed" },
        { ko: `이 주소는 ${methods}만 받습니다.`, en: `This address accepts ${methods} only.` },
      ),
      { Allow: methods },
    );
  };
  switch (pathname) {
    case "/":
      if (method === "GET") return renderSignup(services, request, response, 200, {});
      if (method === "POST") return submitSignup(services, request, response);
      return allow("GET, POST");
    case "/admin":
      return method === "GET" ? showAdmin(services, request, response) : allow("GET");
    case "/healthz":
      return method === "GET"
        ? sendJson(response, 200, await collectHealth(services))
        : allow("GET");
    default:
      sendHtml(
        response,
        404,
        messagePage(
          { ko: "페이지를 찾을 수 없습니다", en: "Page not found" },
          { ko: "주소를 확인하세요.", en: "Check the address." },
        ),
      );
  }
}

interface SignupState {
  values?: { name: string; email: string };
  errors?: FieldErrors;
  flashes?: Flash[];
}

function renderSignup(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  state: SignupState,
): void {
  const { config, csrf } = services;
  const existingNonce = parseCookies(request).get(CSRF_COOKIE);
  const { nonce, token } = csrf.issue(existingNonce);
  const flashes = [...(state.flashes ?? [])];
  if (!config.DB_HOST) {
    flashes.push({
      kind: "info",
      text: {
        ko: "데이터베이스가 아직 설정되지 않았습니다. config.env의 DB_HOST 등을 채운 뒤 앱을 재시작하세요.",
        en: "The database is not configured yet: fill in DB_HOST and friends in config.env, then restart the app.",
      },
    });
  }
  sendHtml(
    response,
    status,
    signupPage({
      csrfToken: token,
      values: state.values ?? { name: "", email: "" },
      errors: state.errors ?? {},
      flashes,
      maxUploadMb: config.MAX_UPLOAD_MB,
    }),
    nonce === existingNonce ? {} : { "Set-Cookie": sessionCookie(CSRF_COOKIE, nonce) },
  );
}

async function submitSignup(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { config, database, storage, csrf, log } = services;
  const maxFileBytes = Math.floor(config.MAX_UPLOAD_MB * 1024 * 1024);
  const tooLarge: Flash = {
    kind: "error",
    text: {
      ko: `첨부 파일이 너무 큽니다. 최대 ${config.MAX_UPLOAD_MB} MB까지 올릴 수 있습니다.`,
      en: `The attachment is too large: the limit is ${config.MAX_UPLOAD_MB} MB.`,
    },
  };

  // Refuse an oversized body before reading it, and close so the client stops sending.
  if (Number(request.headers["content-length"] ?? 0) > maxFileBytes + FORM_OVERHEAD_BYTES) {
    response.setHeader("Connection", "close");
    return renderSignup(services, request, response, 413, { flashes: [tooLarge] });
  }

  let form;
  try {
    form = await readForm(request, maxFileBytes);
  } catch (error) {
    if (!(error instanceof MalformedFormError)) throw error;
    return sendHtml(
      response,
      400,
      messagePage(
        { ko: "잘못된 요청입니다", en: "Bad request" },
        { ko: "가입 양식에서 다시 제출해 주세요.", en: "Please submit the sign-up form again." },
      ),
    );
  }

  const values = { name: form.fields.get("name") ?? "", email: form.fields.get("email") ?? "" };
  if (!csrf.verify(parseCookies(request).get(CSRF_COOKIE), form.fields.get(CSRF_FIELD))) {
    return renderSignup(services, request, response, 403, {
      values,
      flashes: [
        {
          kind: "error",
          text: {
            ko: "보안 토큰이 없거나 만료되었습니다(CSRF). 양식을 다시 제출해 주세요.",
            en: "The form's security token is missing or expired (CSRF). Please submit again.",
          },
        },
      ],
    });
  }
  if (form.fileTooLarge) {
    return renderSignup(services, request, response, 413, { values, flashes: [tooLarge] });
  }
  const validation = validateSignup(form.fields);
  if (!validation.ok) {
    return renderSignup(services, request, response, 400, {
      values,
      errors: validation.errors,
      flashes: [
        {
          kind: "error",
          text: {
            ko: "입력 내용을 확인해 주세요.",
            en: "Error: please check the form fields.",
          },
        },
      ],
    });
  }
  const input = validation.value;

  try {
    // Checked before the upload so a broken database never leaves orphan objects in S3.
    await database.ensureReady();
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    log(`sign-up: database ${error.problem} (${error.code ?? "-"})`);
    const explanation = explainDatabaseError(error, config);
    return sendHtml(response, explanation.status, explanationPage(explanation));
  }

  const flashes: Flash[] = [];
  let attachmentKey: string | null = null;
  if (form.file && storage.bucket) {
    try {
      attachmentKey = await storage.upload(form.file);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      log(`sign-up: S3 ${error.operation} failed: ${error.code}`);
      const explanation = explainStorageError(error, config);
      return sendHtml(response, explanation.status, explanationPage(explanation));
    }
  } else if (form.file) {
    flashes.push({
      kind: "info",
      text: {
        ko: "S3_BUCKET이 설정되지 않아 첨부 파일은 저장하지 않았습니다.",
        en: "S3_BUCKET is not set, so the attachment was not stored.",
      },
    });
  }

  try {
    await database.insertUser({
      name: input.name,
      email: input.email,
      passwordHash: await hashPassword(input.password),
      attachment: attachmentKey,
    });
  } catch (error) {
    if (attachmentKey) await storage.remove(attachmentKey);
    if (!(error instanceof DatabaseError)) throw error;
    log(`sign-up: insert failed: ${error.problem} (${error.code ?? "-"})`);
    const explanation = explainDatabaseError(error, config);
    return sendHtml(response, explanation.status, explanationPage(explanation));
  }

  flashes.unshift({
    kind: "success",
    text: {
      ko: `가입해 주셔서 감사합니다, ${input.name}님!`,
      en: `Thanks for registration, ${input.name}!`,
    },
  });
  renderSignup(services, request, response, 200, { flashes });
}

async function showAdmin(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { config, database, storage } = services;
  if (config.ADMIN_PASSWORD && !hasAdminCredentials(request, config.ADMIN_PASSWORD)) {
    return sendHtml(
      response,
      401,
      messagePage(
        { ko: "로그인이 필요합니다", en: "Sign-in required" },
        {
          ko: "사용자 이름 admin과 config.env의 ADMIN_PASSWORD로 로그인하세요.",
          en: "Sign in as admin with the ADMIN_PASSWORD from config.env.",
        },
      ),
      { "WWW-Authenticate": 'Basic realm="aws101 admin", charset="UTF-8"' },
    );
  }

  let users;
  let total;
  try {
    [users, total] = await Promise.all([
      database.listUsers(ADMIN_ROW_LIMIT),
      database.countUsers(),
    ]);
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    const explanation = explainDatabaseError(error, config);
    return sendHtml(response, explanation.status, explanationPage(explanation));
  }

  const rows: AdminRow[] = await Promise.all(
    users.map(async (user) => {
      if (!user.attachment) return { ...user, attachment: null };
      try {
        const url = await storage.attachmentUrl(user.attachment);
        return { ...user, attachment: { key: user.attachment, url, problem: null } };
      } catch (error) {
        const { code } = classifyS3Error(error, "GetObject");
        return { ...user, attachment: { key: user.attachment, url: null, problem: code } };
      }
    }),
  );
  sendHtml(
    response,
    200,
    adminPage({
      rows,
      total,
      presigned: config.PRESIGNED_URL,
      protectedByPassword: Boolean(config.ADMIN_PASSWORD),
    }),
  );
}
