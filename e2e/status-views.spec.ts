import { expect, test, type Locator } from "@playwright/test";
import { formatDateTime, formatTime } from "../components/lab/time";
import { labModules } from "./content";
import {
  INSTRUCTOR_EMAIL,
  instructorPassword,
  joinAsAttendee,
  screenshot,
  useSandbox,
} from "./fixtures";

const WORKSHOP_TIME_ZONE = process.env.TIME_ZONE ?? "Asia/Seoul";
const compute = labModules().find((labModule) => labModule.id === "compute");
const firstStep = compute?.steps[0]?.id ?? "";

/** What the page must show for a `<time>`: its own language and the workshop's zone. */
async function expectWorkshopTime(time: Locator, locale: string, style: "time" | "dateTime") {
  const [iso, shown] = await time.evaluate((element) => [
    element.getAttribute("datetime"),
    element.textContent,
  ]);
  const clock = { locale, timeZone: WORKSHOP_TIME_ZONE };
  const format = style === "time" ? formatTime : formatDateTime;
  const spaced = (text: string) => text.replace(/\s+/g, " ");
  expect(spaced(shown ?? "")).toContain(spaced(format(iso ?? "", clock)));
}

// The browser sits in another zone than the workshop, so a time formatted in the browser's zone shows.
test.use({ timezoneId: "America/New_York" });

test("on a phone the step page opens with a folded live status and a folded user data script", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await joinAsAttendee(page, "Phone attendee");
  await useSandbox(page);

  await page.goto(`/lab/compute/${firstStep}`);
  const summary = page.locator("[data-status-summary=compute]");
  const panel = page.locator("[data-status-dock] [data-status-panel=compute]");
  await expect(summary).toHaveText(new RegExp(`실시간 상태: 0/${compute?.steps.length ?? 0} 통과`));
  expect((await summary.boundingBox())?.y).toBeLessThan(
    (await page.getByRole("heading", { level: 1 }).boundingBox())?.y ?? 0,
  );
  await expect(panel).toBeHidden();
  await screenshot(page, "phone-ko-step-folded");
  await summary.click();
  await expect(summary).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  await expect(panel.locator(`[data-step-status=${firstStep}]`)).toHaveAttribute(
    "data-state",
    /^(not-started|fail|pending)$/,
  );
  await page.screenshot({ path: "e2e/artifacts/screenshots/phone-ko-step-unfolded.png" });

  const userData = page.locator("[data-code-block][data-folded]");
  await expect(userData.locator("summary")).toHaveText(/사용자 데이터 스크립트 보기 \(\d+줄\)/);
  await expect(userData.locator("pre")).toBeHidden();
  await userData.getByRole("button", { name: "복사" }).click();
  await expect(userData.getByRole("button", { name: "복사했습니다" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe((await userData.locator("pre").textContent())?.trim());
  expect(copied).toMatch(/^#!/);
  await userData.locator("summary").click();
  await expect(userData.locator("pre")).toBeVisible();
  await userData.screenshot({ path: "e2e/artifacts/screenshots/phone-ko-user-data-unfolded.png" });

  await page.goto("/lab/compute");
  await expect(page.locator(`[data-step-card-state=${firstStep}]`)).toHaveAttribute(
    "data-state",
    /^(not-started|fail|pending)$/,
  );
  await screenshot(page, "phone-ko-module");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compute");
  await expect(page.locator(`[data-step-card-state=${firstStep}]`)).toContainText(
    /Fail|Not started|Waiting/,
  );
  await screenshot(page, "phone-en-module");
  await page.goto(`/lab/compute/${firstStep}`);
  await expect(page.locator("[data-status-summary=compute]")).toHaveText(
    /Live status: 0\/\d+ passed/,
  );
  await screenshot(page, "phone-en-step-folded");
});

test("times follow the page's language and the workshop time zone, not the browser's", async ({
  page,
}) => {
  await joinAsAttendee(page, "Clock watcher");
  await useSandbox(page);
  await page.goto(`/lab/compute/${firstStep}`);
  const check = page.locator(`[data-check=${firstStep}]`);
  const panelTime = page.locator("[data-status-dock] [data-status-panel] time");

  await check.getByRole("button", { name: "확인하기" }).click();
  await expectWorkshopTime(check.locator("time"), "ko", "time");
  await expectWorkshopTime(panelTime, "ko", "time");
  await screenshot(page, "desktop-ko-step-checked");

  await page.getByRole("button", { name: "English" }).click();
  await expect(check.getByRole("button", { name: "Check" })).toBeVisible();
  await expect(check.locator("time")).toHaveText(/^Checked at /);
  await expectWorkshopTime(check.locator("time"), "en", "time");
  await expect(panelTime).toHaveText(/^As of /);
  await expectWorkshopTime(panelTime, "en", "time");
  await screenshot(page, "desktop-en-step-checked");
});

test("the instructor grid shows each attendee's step states with icon and words", async ({
  page,
  browser,
}) => {
  const attendee = await browser.newPage();
  await joinAsAttendee(attendee, "Grid attendee");
  await useSandbox(attendee);
  await attendee.goto("/lab/compute");
  await expect(
    attendee.locator(`[data-status-panel=compute] [data-step-status=${firstStep}]`),
  ).toHaveAttribute("data-state", /^(not-started|fail|pending)$/);
  await attendee.close();

  await page.goto("/instructor/sign-in");
  await page.getByLabel("이메일").fill(INSTRUCTOR_EMAIL);
  await page.getByLabel("비밀번호").fill(instructorPassword());
  await page.getByRole("button", { name: "로그인" }).click();
  await page.getByRole("link", { name: "E2E rehearsal" }).click();
  await page.getByRole("searchbox").fill("Grid attendee");
  const row = page.getByRole("row").filter({ hasText: "Grid attendee" });
  const badge = row.locator("[data-state-badge]").first();
  await expect(badge).toHaveText(/^[○✗…]\s?(시작 전|실패|대기)$/);
  await expectWorkshopTime(row.locator("time"), "ko", "time");
  await screenshot(page, "desktop-ko-instructor");

  await page.getByRole("button", { name: "English" }).click();
  await expect(badge).toHaveText(/^[○✗…]\s?(Not started|Fail|Waiting)$/);
  await expectWorkshopTime(row.locator("time"), "en", "time");
  await expectWorkshopTime(page.locator("section time").first(), "en", "dateTime");
  await screenshot(page, "desktop-en-instructor");
});
