import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import {
  INSTRUCTOR_EMAIL,
  doItForMe,
  instructorPassword,
  joinAsAttendee,
  screenshot,
  useSandbox,
} from "./fixtures";

/** Every CSP violation a page reports, from the DOM event and from Chromium's console, across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeBinding("__reportCsp", (_source, text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCsp?: (text: string) => void }).__reportCsp;
      report?.(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function instructorSignIn(page: Page) {
  await page.goto("/instructor/sign-in");
  await page.getByLabel("이메일").fill(INSTRUCTOR_EMAIL);
  await page.getByLabel("비밀번호").fill(instructorPassword());
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { name: "강사 대시보드" })).toBeVisible();
  // The audit log is on the event's own console page.
  await page.getByRole("link", { name: "E2E rehearsal" }).click();
  await expect(page.getByTestId("audit-log").first()).toBeVisible();
}

test("every script on a page carries the response's nonce, and the page can't be framed", async ({
  request,
}) => {
  const response = await request.get("/");
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response.headers()["referrer-policy"]).toBe("same-origin");
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A new nonce on every response.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test("no page the attendee and the instructor visit violates the content security policy", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const violations = await watchCsp(page);
  await page.goto("/instructor/sign-in");
  await joinAsAttendee(page, "CSP 참가자");
  await useSandbox(page);
  await page.goto("/lab");
  await page.goto("/lab/compute");
  const launch = await doItForMe(page, "compute", "ec2-launch");
  await expect(launch.getByRole("link", { name: /awslab\.pem/ })).toBeVisible();
  const check = page.locator("[data-check=ec2-launch]");
  await check.getByRole("button", { name: "확인하기" }).click();
  await expect(check.locator("[data-check-state]")).toBeVisible();
  await page.locator("[data-code-block] summary").first().click();
  await page.goto("/lab/compute/web-app");
  await page.goto("/lab/sandbox");
  await expect(page.getByTestId("sandbox-app")).toBeVisible();
  await page.goto("/lab/database/rds-create");
  await page.goto("/lab/storage");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Storage");
  await page.getByRole("button", { name: "한국어" }).click();
  expect((await page.goto("/api/downloads/aaaaaaaaaaaaaaaaaaaaaaaa"))?.status()).toBe(410);
  await expect(page.getByTestId("download-gone")).toHaveCSS("max-width", "640px");
  expect((await page.goto("/lab/no-such-module/ec2-launch"))?.status()).toBe(404);
  expect((await page.goto("/lab/..%2Fen%2Fcompute"))?.status()).toBe(404);

  const instructor = await browser.newContext();
  const instructorPage = await instructor.newPage();
  const instructorViolations = await watchCsp(instructorPage);
  await instructorSignIn(instructorPage);
  await instructorPage.getByTestId("audit-log").first().locator("summary").click();
  await instructor.close();

  expect([...violations, ...instructorViolations]).toEqual([]);
});

test("markup slipped into a page can't run: the policy blocks it and the e2e sees the violation", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  // What a reflected value would have to be to run: inline handlers (scripts created by DOM
  // calls are left to 'strict-dynamic', which only code already running can make).
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/icon.svg" onload="window.__ran = true"><svg onload="window.__ran = true"></svg>`;
    document.body.append(holder);
  });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(
    await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran),
  ).toBeUndefined();
});

test("a device cookie the portal did not issue is replaced by a signed one", async ({
  page,
  baseURL,
}) => {
  await page.context().addCookies([{ name: "aws101-device", value: "A".repeat(22), url: baseURL }]);
  await page.goto("/");
  const device = (await page.context().cookies()).find((cookie) => cookie.name === "aws101-device");
  expect(device?.value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
  expect(device?.httpOnly).toBe(true);
});

test("the event's instructor reads what the portal did in AWS, with AWS request ids", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Audit ${Date.now()}`;
  await joinAsAttendee(page, name);
  await useSandbox(page);
  await doItForMe(page, "compute", "ec2-launch");

  const instructor = await browser.newContext();
  const dashboard = await instructor.newPage();
  await instructorSignIn(dashboard);
  const audit = dashboard.getByTestId("audit-log").first();
  await audit.locator("summary").click();
  const rows = audit.locator("[data-audit-row]").filter({ hasText: name });
  await expect(rows.filter({ hasText: "샌드박스 계정 받기" })).toHaveCount(1);
  const launches = rows.filter({ hasText: "대신 해 주세요: ec2-launch" });
  expect(await launches.count()).toBeGreaterThan(0);
  await expect(audit.getByText(/EC2:RunInstances \S{8,}/).first()).toBeVisible();
  await expect(rows.filter({ hasText: "실패" })).toHaveCount(0);
  await audit.screenshot({ path: "e2e/artifacts/screenshots/instructor-audit-log.png" });
  await instructor.close();
});

test("after the event the attendee still reads the lab, but the portal no longer acts in AWS", async ({
  page,
}) => {
  test.skip(Boolean(process.env.E2E_BASE_URL), "needs the e2e server's own database");
  test.setTimeout(180_000);
  const database = path.join(process.cwd(), "data", "e2e.db");
  execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/seed.ts",
      "--event-name",
      "Ended rehearsal",
      "--join-code",
      "ENDED123",
      "--hours",
      "1",
    ],
    { env: { ...process.env, DATABASE_URL: `file:${database}` }, stdio: "ignore" },
  );
  await joinAsAttendee(page, "Late 참가자", "ENDED123");
  await useSandbox(page);
  const sqlite = new Database(database);
  try {
    sqlite
      .prepare("update events set ends_at = ? where join_code = 'ENDED123'")
      .run(new Date(Date.now() - 1000).toISOString());
  } finally {
    sqlite.close();
  }
  const ended = "이 실습은 끝났습니다";

  await page.goto("/lab/compute/ec2-launch");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("EC2 인스턴스 만들기");
  await expect(page.locator("[data-status-dock] [data-status-panel=compute]")).toContainText(ended);
  const check = page.locator("[data-check=ec2-launch]");
  await check.getByRole("button", { name: "확인하기" }).click();
  await expect(check).toContainText(ended);
  const doIt = page.locator("[data-doit=ec2-launch]");
  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  await expect(doIt).toContainText(ended);
  await expect(doIt.getByRole("button", { name: "실행하기" })).toHaveCount(0);
  await screenshot(page, "event-ended-step");

  await page.goto("/credentials");
  await page.getByRole("button", { name: "샌드박스 계정 받기" }).click();
  await expect(page.getByText(ended)).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Get a sandbox account" }).click();
  await expect(page.getByText("This workshop has ended")).toBeVisible();
});
