import { expect, test, type Page } from "@playwright/test";
import {
  INSTRUCTOR_EMAIL,
  JOIN_CODE,
  instructorPassword,
  joinAsAttendee,
  screenshot,
} from "./fixtures";

async function submitJoin(page: Page, joinCode: string, displayName: string) {
  await page.getByLabel("참가 코드").fill(joinCode);
  await page.getByLabel("이름", { exact: true }).fill(displayName);
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/auth/callback/attendee")),
    page.getByRole("button", { name: "참가하기" }).click(),
  ]);
}

test("a wrong join code is refused with a message, keeps what was typed and creates nothing", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByLabel("이메일 (선택)").fill("someone@example.com");
  await submitJoin(page, "NOPE1234", "Someone");
  await expect(page.getByText("참가 코드가 맞지 않습니다")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("참가 코드")).toHaveValue("NOPE1234");
  await expect(page.getByLabel("이름", { exact: true })).toHaveValue("Someone");
  await expect(page.getByLabel("이메일 (선택)")).toHaveValue("someone@example.com");

  await page.getByLabel("이름", { exact: true }).fill("");
  await page.getByRole("button", { name: "참가하기" }).click();
  await expect(page.getByText("이름을 1~40자로 입력하세요.")).toBeVisible();
  await expect(page.getByLabel("참가 코드")).toHaveValue("NOPE1234");
  await expect(page.getByLabel("이메일 (선택)")).toHaveValue("someone@example.com");
});

test("wrong codes lock out only the browser that typed them, not others at the same address", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitJoin(page, `WRONG${attempt}`, "Typo");
    await expect(page.getByText("참가 코드가 맞지 않습니다")).toBeVisible();
  }
  await submitJoin(page, JOIN_CODE, "Typo");
  await expect(page.getByText("참가 코드를 너무 많이 틀렸습니다")).toBeVisible();
  await expect(page.getByLabel("참가 코드")).toHaveValue(JOIN_CODE);
  await expect(page).toHaveURL(/\/$/);

  const classmate = await browser.newContext();
  const classmatePage = await classmate.newPage();
  await joinAsAttendee(classmatePage, "Classmate");
  await classmate.close();
});

test("a signed-out deep link returns to that page after joining and choosing credentials", async ({
  page,
}) => {
  await page.goto("/lab/compute/ssh-access");
  await expect(page).toHaveURL(/\/\?next=%2Flab%2Fcompute%2Fssh-access$/);
  await expect(page.getByTestId("return-notice")).toBeVisible();
  await submitJoin(page, JOIN_CODE, "Deep linker");
  await expect(page).toHaveURL(/\/credentials\?next=%2Flab%2Fcompute%2Fssh-access$/);
  await page.getByRole("button", { name: "샌드박스 계정 받기" }).click();
  await expect(page).toHaveURL(/\/lab\/compute\/ssh-access$/);
  await expect(page.getByTestId("my-ip")).toBeVisible();
});

test("a return path to another site is ignored", async ({ page }) => {
  await page.goto(`/?next=${encodeURIComponent("//evil.example/lab/compute")}`);
  await expect(page.getByLabel("참가 코드")).toBeVisible();
  await expect(page.getByTestId("return-notice")).toHaveCount(0);
  await submitJoin(page, JOIN_CODE, "Careful");
  await expect(page).toHaveURL(/\/credentials$/);
});

test("a spoofed X-Forwarded-For does not change the IP the lab shows", async ({ page }) => {
  await joinAsAttendee(page, "Spoofer");
  await page.goto("/lab/compute/ssh-access");
  const myIp = page.getByTestId("my-ip");
  await expect(myIp).toHaveText(/^(\d{1,3}\.){3}\d{1,3}$|:/);
  const real = await myIp.textContent();
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.9" });
  await page.reload();
  await expect(myIp).toHaveText(real ?? "");
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.1, 203.0.113.9" });
  await page.reload();
  await expect(myIp).toHaveText(real ?? "");
});

test("a spent key link explains, in the attendee's language, what to do instead", async ({
  page,
  baseURL,
}) => {
  await joinAsAttendee(page, "Second click");
  const spent = await page.goto("/api/downloads/aaaaaaaaaaaaaaaaaaaaaaaa");
  expect(spent?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "이 다운로드 링크는 이미 사용했거나 만료되었습니다",
  );
  await expect(page.getByText("EC2 Instance Connect")).toBeVisible();
  await screenshot(page, "download-gone");
  await page.context().addCookies([{ name: "aws101-locale", value: "en", url: baseURL }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "This download link was already used or has expired",
  );
  await page.getByRole("link", { name: "Back to the lab" }).click();
  await expect(page).toHaveURL(/\/lab$/);
});

test("the portal has a favicon", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
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

test("signing out from a lab page ends the session", async ({ page }) => {
  await joinAsAttendee(page, "Leaver");
  await page.goto("/lab/compute/ec2-launch");
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page.getByLabel("참가 코드")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.goto("/lab/compute/ec2-launch");
  await expect(page).toHaveURL(/\/\?next=%2Flab%2Fcompute%2Fec2-launch$/);
});

test("route handlers refuse callers without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/status/compute")).status()).toBe(401);
  expect((await anonymous.get("/api/downloads/aaaaaaaaaaaaaaaaaaaaaaaa")).status()).toBe(401);
  const lab = await anonymous.get("/lab/compute", { maxRedirects: 0 });
  expect(lab.status()).toBe(307);
  expect(lab.headers().location).toBe("/?next=%2Flab%2Fcompute");
  await anonymous.dispose();
});
