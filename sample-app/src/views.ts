import { createHash } from "node:crypto";
import { CSRF_FIELD } from "./csrf";
import type { FieldErrors } from "./form";
import { html, SafeHtml } from "./html";
import { PRESIGNED_URL_TTL_SECONDS } from "./storage";
import type { Bilingual, Explanation } from "./teaching";
import { APP_VERSION } from "./version";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;background:#f4f6f8;color:#1f2933;line-height:1.5;word-break:keep-all;overflow-wrap:break-word}
header{background:#232f3e;color:#fff}
header .bar{max-width:960px;margin:0 auto;padding:.75rem 1rem;display:flex;gap:1.5rem;align-items:center}
header .brand{font-weight:700;margin-right:auto}
header a{color:#fff;text-decoration:none;opacity:.85}
header a[aria-current]{opacity:1;border-bottom:2px solid #ff9900}
main{max-width:960px;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1.5rem;margin:0 auto 1.5rem;max-width:480px}
.wide{max-width:none}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
.en{display:block;color:#52606d;font-size:.88em}
h1 .en{font-size:.6em;font-weight:400}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
label .en{display:inline;font-weight:400;margin-left:.35rem}
input[type=text],input[type=email],input[type=password]{width:100%;padding:.55rem .65rem;border:1px solid #b8c2cc;border-radius:4px;font:inherit}
input[type=file]{font:inherit}
.hint{font-size:.85rem;color:#52606d;margin:.25rem 0 0}
.field-error{color:#b42318;font-size:.9rem;margin:.25rem 0 0}
button{margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:4px;background:#28a745;color:#fff;font:inherit;font-weight:700;cursor:pointer}
button:hover{background:#218838}
.flash{border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.flash.success{background:#e3f9e5;border:1px solid #57ae5b}
.flash.error{background:#fde8e8;border:1px solid #e66a6a}
.flash.info{background:#fff8e1;border:1px solid #f0b429}
table{width:100%;border-collapse:collapse;font-size:.92rem}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th .en{display:inline;margin-left:.3rem}
td.url{word-break:break-all;max-width:28rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem}
pre{background:#1f2933;color:#f5f7fa;padding:.75rem 1rem;border-radius:6px;overflow-x:auto}
.code{display:inline-block;background:#fde8e8;color:#b42318;padding:.1rem .45rem;border-radius:4px;font-weight:700}
ol li{margin:.4rem 0}
.detail{font-size:.85rem;color:#52606d;word-break:break-word}
footer{text-align:center;color:#7b8794;font-size:.8rem;padding:1rem}
`;

/** Lets the Content-Security-Policy allow exactly this stylesheet and nothing inline besides. */
export const STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;
// Built outside the html`` templates so formatting can never add whitespace that breaks the hash.
const STYLE_ELEMENT = new SafeHtml(`<style>${STYLE}</style>`);

type Page = "signup" | "admin" | null;

function bilingual(text: Bilingual): SafeHtml {
  return html`${text.ko}<span class="en" lang="en">${text.en}</span>`;
}

function layout(options: { title: string; current: Page; body: SafeHtml }): SafeHtml {
  const link = (page: Exclude<Page, null>, href: string, label: string) =>
    html`<a href="${href}" ${options.current === page ? html`aria-current="page"` : ""}
      >${label}</a
    >`;
  return html`<!doctype html>
    <html lang="ko">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>${options.title} · Saltware AWS 101</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <header>
          <div class="bar">
            <span class="brand">Saltware AWS 101</span
            >${link("signup", "/", "가입 Sign up")}${link("admin", "/admin", "관리자 Admin")}
          </div>
        </header>
        <main>${options.body}</main>
        <footer>aws101-sample-app v${APP_VERSION}</footer>
      </body>
    </html> `;
}

type FlashKind = "success" | "error" | "info";

export interface Flash {
  kind: FlashKind;
  text: Bilingual;
}

export interface SignupView {
  csrfToken: string;
  values: { name: string; email: string };
  errors: FieldErrors;
  flashes: Flash[];
  maxUploadMb: number;
}

function flashBlock(flash: Flash): SafeHtml {
  return html`<div
    class="flash ${flash.kind}"
    role="${flash.kind === "error" ? "alert" : "status"}"
  >
    ${bilingual(flash.text)}
  </div>`;
}

function fieldError(message: string | undefined, id: string): SafeHtml | "" {
  return message ? html`<p class="field-error" id="${id}">${message}</p>` : "";
}

export function signupPage(view: SignupView): SafeHtml {
  const { errors, values } = view;
  const described = (field: keyof FieldErrors) =>
    errors[field] ? html`aria-invalid="true" aria-describedby="${field}-error"` : "";
  return layout({
    title: "가입 Sign up",
    current: "signup",
    body: html`<section class="card">
      <h1>솔트웨어에 오신 것을 환영합니다<span class="en" lang="en">Welcome to Saltware</span></h1>
      ${view.flashes.map(flashBlock)}
      <form method="post" action="/" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="${CSRF_FIELD}" value="${view.csrfToken}" />
        <label for="name">이름<span class="en" lang="en">Name</span></label>
        <input
          type="text"
          id="name"
          name="name"
          value="${values.name}"
          maxlength="255"
          autocomplete="name"
          required
          ${described("name")}
        />
        ${fieldError(errors.name, "name-error")}
        <label for="email">이메일<span class="en" lang="en">Email</span></label>
        <input
          type="email"
          id="email"
          name="email"
          value="${values.email}"
          maxlength="255"
          autocomplete="email"
          required
          ${described("email")}
        />
        ${fieldError(errors.email, "email-error")}
        <label for="password">비밀번호<span class="en" lang="en">Password</span></label>
        <input
          type="password"
          id="password"
          name="password"
          minlength="8"
          maxlength="128"
          autocomplete="new-password"
          required
          ${described("password")}
        />
        ${fieldError(errors.password, "password-error")}
        <p class="hint">
          8자 이상. 해시로만 저장됩니다. / At least 8 characters, stored only as a hash.
        </p>
        <label for="attachment">첨부 파일<span class="en" lang="en">Attachment</span></label>
        <input type="file" id="attachment" name="attachment" />
        <p class="hint">
          선택 사항, 최대 ${view.maxUploadMb} MB. / Optional, up to ${view.maxUploadMb} MB.
        </p>
        <button type="submit">가입하기 · Sign Up</button>
      </form>
    </section>`,
  });
}

export interface AdminRow {
  id: number;
  name: string;
  email: string;
  attachment: { key: string; url: string | null; problem: string | null } | null;
}

export interface AdminView {
  rows: AdminRow[];
  total: number;
  presigned: boolean;
  protectedByPassword: boolean;
}

function attachmentCell(attachment: AdminRow["attachment"]): SafeHtml | string {
  if (!attachment) return "—";
  if (attachment.url) {
    return html`<a href="${attachment.url}" rel="noreferrer">${attachment.url}</a>`;
  }
  const reason = attachment.problem ?? "S3_BUCKET not set";
  return html`<code>${attachment.key}</code><br /><span class="detail"
      >링크를 만들 수 없음 / no link: ${reason}</span
    >`;
}

export function adminPage(view: AdminView): SafeHtml {
  const linkMode: Bilingual = view.presigned
    ? {
        ko: `첨부 링크: presigned URL (${PRESIGNED_URL_TTL_SECONDS}초 동안 유효)`,
        en: `Attachment links: presigned URLs, valid for ${PRESIGNED_URL_TTL_SECONDS} s`,
      }
    : {
        ko: "첨부 링크: 공개 URL. 버킷 정책이나 객체 ACL로 공개하지 않으면 AccessDenied가 납니다.",
        en: "Attachment links: public URLs; they answer AccessDenied until the bucket policy or object ACL makes them public.",
      };
  const rows = view.rows.map(
    (row) =>
      html`<tr>
        <td>${row.id}</td>
        <td>${row.name}</td>
        <td>${row.email}</td>
        <td class="url">${attachmentCell(row.attachment)}</td>
      </tr>`,
  );
  return layout({
    title: "관리자 Admin",
    current: "admin",
    body: html`<section class="card wide">
      <h1>가입자 목록<span class="en" lang="en">Registered users</span></h1>
      ${
        view.protectedByPassword
          ? ""
          : flashBlock({
              kind: "info",
              text: {
                ko: "이 페이지는 누구나 볼 수 있습니다. config.env에 ADMIN_PASSWORD를 설정하면 비밀번호로 보호됩니다.",
                en: "Anyone can open this page. Set ADMIN_PASSWORD in config.env to protect it.",
              },
            })
      }
      <p>${bilingual(linkMode)}</p>
      <p class="hint">
        총 ${view.total}명 (최근 ${view.rows.length}명 표시), 비밀번호는 표시하지 않습니다. /
        ${view.total} users (latest ${view.rows.length} shown); passwords are never shown.
      </p>
      <table>
        <thead>
          <tr>
            <th>ID</th>
            <th>이름<span class="en" lang="en">Name</span></th>
            <th>이메일<span class="en" lang="en">Email</span></th>
            <th>첨부 파일<span class="en" lang="en">Attachment</span></th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length > 0
              ? rows
              : html`<tr>
                  <td colspan="4">아직 가입자가 없습니다. / No users yet.</td>
                </tr>`
          }
        </tbody>
      </table>
    </section>`,
  });
}

export function explanationPage(explanation: Explanation): SafeHtml {
  return layout({
    title: explanation.code,
    current: null,
    body: html`<section class="card wide">
      <p>
        <span class="code">${explanation.code}</span
        >${explanation.operation ? html` <code>${explanation.operation}</code>` : ""}
      </p>
      <h1>${bilingual(explanation.title)}</h1>
      <h2>무슨 뜻인가요?<span class="en" lang="en">What it means</span></h2>
      <p>${bilingual(explanation.meaning)}</p>
      ${
        explanation.steps.length > 0
          ? html`<h2>이렇게 해결하세요<span class="en" lang="en">What to do next</span></h2>
              <ol>
                ${explanation.steps.map((step) => html`<li>${bilingual(step)}</li>`)}
              </ol>`
          : ""
      }
      ${explanation.sql ? html`<pre>${explanation.sql}</pre>` : ""}
      ${
        explanation.note
          ? html`<h2>배울 점<span class="en" lang="en">Learning note</span></h2>
              <p>${bilingual(explanation.note)}</p>`
          : ""
      }
      <p class="detail">기술 정보 / Technical detail: ${explanation.detail}</p>
      <p><a href="/">← 가입 양식으로 돌아가기 / Back to the form</a></p>
    </section>`,
  });
}

export function messagePage(title: Bilingual, message: Bilingual): SafeHtml {
  return layout({
    title: title.en,
    current: null,
    body: html`<section class="card">
      <h1>${bilingual(title)}</h1>
      <p>${bilingual(message)}</p>
      <p><a href="/">← 가입 양식으로 돌아가기 / Back to the form</a></p>
    </section>`,
  });
}
