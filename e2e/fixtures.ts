import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const JOIN_CODE = process.env.E2E_JOIN_CODE ?? "E2ETEST";
export const INSTRUCTOR_EMAIL = "instructor@aws101.local";

export function instructorPassword(): string {
  const file = path.join(process.cwd(), "data", process.env.E2E_BASE_URL ? "demo.env" : "e2e.env");
  const line = readFileSync(file, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("DEMO_INSTRUCTOR_PASSWORD="));
  if (!line) throw new Error(`no instructor password in ${file}`);
  return line.slice("DEMO_INSTRUCTOR_PASSWORD=".length);
}

export async function joinAsAttendee(page: Page, displayName: string, joinCode = JOIN_CODE) {
  await page.goto("/");
  await page.getByLabel("참가 코드").fill(joinCode);
  await page.getByLabel("이름", { exact: true }).fill(displayName);
  await page.getByRole("button", { name: "참가하기" }).click();
  await expect(page).toHaveURL(/\/credentials$/);
}

export async function useSandbox(page: Page) {
  await page.getByRole("button", { name: "샌드박스 계정 받기" }).click();
  await expect(page.getByTestId("account-id")).toHaveText(/^3\d{11}$/);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join("e2e", "artifacts", "screenshots", `${name}.png`),
    fullPage: true,
  });
}

/** Module 4's names derive from initials chosen once on its first page: unique per run. */
export async function chooseInitials(page: Page, firstStepId: string) {
  const initials = `e2e${Date.now().toString(36).slice(-5)}`;
  await page.goto(`/lab/app-services/${firstStepId}`);
  const form = page.getByTestId("initials-form");
  await form.getByLabel("이니셜").fill(initials);
  await form.getByLabel("알림 받을 이메일").fill(`${initials}@example.com`);
  await form.getByRole("button", { name: "이니셜 정하기" }).click();
  await expect(page.getByTestId("initials-chosen")).toContainText(`${initials}.aws101.example`);
  return initials;
}

/** Do it for me on a step, run when the plan has something to do: as an attendee would click it. */
export async function doItForMe(page: Page, moduleId: string, stepId: string) {
  await page.goto(`/lab/${moduleId}/${stepId}`);
  const doIt = page.locator(`[data-doit=${stepId}]`);
  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  const run = doIt.getByRole("button", { name: "실행하기" });
  const nothingToDo = doIt.getByText("이미 다 되어 있습니다");
  await expect(run.or(nothingToDo)).toBeVisible();
  if (await run.isVisible()) {
    await run.click();
    await expect(doIt.locator("[data-applied]")).toBeVisible();
  }
  return doIt;
}
