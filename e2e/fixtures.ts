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

/** Do it for me on a step page, as an attendee clicks it: plan, run, wait for the result. */
export async function doItForMe(page: Page, moduleId: string, step: string) {
  await page.goto(`/lab/${moduleId}/${step}`);
  const doIt = page.locator(`[data-doit=${step}]`);
  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  await doIt.getByRole("button", { name: "실행하기" }).click();
  await expect(doIt.locator("[data-applied]")).toBeVisible();
  return doIt;
}
