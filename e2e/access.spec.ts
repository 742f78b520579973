import { expect, test } from "@playwright/test";
import { INSTRUCTOR_EMAIL, instructorPassword, joinAsAttendee, screenshot } from "./fixtures";

test("a wrong join code is refused with a message and creates nothing", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("참가 코드").fill("NOPE1234");
  await page.getByLabel("이름", { exact: true }).fill("Someone");
  await page.getByRole("button", { name: "참가하기" }).click();
  await expect(page.getByText("참가 코드가 맞지 않습니다")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test("a display name with markup is shown as text, never run", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const name = `<img src=x onerror=alert(1)><b>Kim`;
  await joinAsAttendee(page, name);
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
  expect(dialogs).toBe(0);
});

test("an attendee is refused the instructor dashboard", async ({ page }) => {
  await joinAsAttendee(page, "Curious attendee");
  await page.goto("/instructor");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await screenshot(page, "attendee-refused-instructor");
});

test("malformed pasted credentials get per-field errors in Korean", async ({ page }) => {
  await joinAsAttendee(page, "Paster");
  await page.getByLabel("액세스 키 ID (AccessKeyId)").fill("not-a-key");
  await page.getByLabel("비밀 액세스 키 (SecretAccessKey)").fill("SECRET-MARKER-short");
  await page.getByLabel("세션 토큰 (SessionToken)").fill("x");
  await page.getByLabel("리전").fill("mars-north-1");
  // Read the server's reply in Playwright itself: Chromium may drop a response body it has used.
  const replies: string[] = [];
  await page.route("**/credentials", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    replies.push(await response.text());
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "확인하고 저장하기" }).click();
  await expect(page.getByText("액세스 키 ID는 ASIA 또는 AKIA로 시작하는")).toBeVisible();
  await expect(page.getByText("비밀 액세스 키는 40자입니다")).toBeVisible();
  await expect(page.getByText("세션 토큰이 비어 있거나 너무 짧습니다")).toBeVisible();
  await expect(page.getByText("알 수 없는 리전입니다")).toBeVisible();
  await expect(page.getByLabel("액세스 키 ID (AccessKeyId)")).toHaveValue("not-a-key");
  expect(replies).toHaveLength(1);
  expect(replies[0]).not.toContain("SECRET-MARKER");
  await expect(page.getByLabel("비밀 액세스 키 (SecretAccessKey)")).toHaveValue(
    "SECRET-MARKER-short",
  );
  await screenshot(page, "credentials-field-errors");
});

test("the instructor signs in and sees the attendee grid", async ({ page }) => {
  await page.goto("/instructor/sign-in");
  await page.getByLabel("이메일").fill(INSTRUCTOR_EMAIL);
  await page.getByLabel("비밀번호").fill(instructorPassword());
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { name: "강사 대시보드" })).toBeVisible();
  await screenshot(page, "instructor-dashboard");
});

test("EC2 user data can download the sample app bundle the lab page names", async ({ request }) => {
  const page = await request.get("/downloads/sample-app/0.0.0.tgz");
  expect(page.status()).toBe(404);
  const version = (await import("../sample-app/package.json", { with: { type: "json" } })).default
    .version;
  const bundle = await request.get(`/downloads/sample-app/${version}.tgz`);
  expect(bundle.status()).toBe(200);
  expect(bundle.headers()["content-type"]).toBe("application/gzip");
  expect((await bundle.body()).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
});

test("an attendee can switch the portal to English and back", async ({ page }) => {
  await joinAsAttendee(page, "Bilingual");
  await page.goto("/lab/compute/ec2-launch");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("EC2 인스턴스 만들기");
  await expect(page.getByTestId("portal-url-warning")).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Launch an EC2 instance");
  await expect(page.getByRole("button", { name: "Check" }).first()).toBeVisible();
  await screenshot(page, "ec2-launch-english");
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByRole("button", { name: "확인하기" }).first()).toBeVisible();
});

test("route handlers refuse callers without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/status/compute")).status()).toBe(401);
  expect((await anonymous.get("/api/downloads/aaaaaaaaaaaaaaaaaaaaaaaa")).status()).toBe(401);
  const lab = await anonymous.get("/lab/compute", { maxRedirects: 0 });
  expect(lab.status()).toBe(307);
  await anonymous.dispose();
});
