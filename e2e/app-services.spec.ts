import { expect, test } from "@playwright/test";
import { labModules } from "./content";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";

/** What each step ends as in the sandbox once done: what the emulator can't show is never a pass. */
const doneInSandbox: Record<string, RegExp> = {
  "health-check": /^unobservable$/,
  "failover-routing": /^unobservable$/,
  "maintenance-page": /^(pass|unobservable)$/,
};

/** Steps whose do-it-for-me finds nothing to do in the sandbox: it says so, and the check decides. */
const nothingToDoInSandbox = new Set(["switch-role"]);

const appServices = labModules().find((labModule) => labModule.id === "app-services");

test("an attendee chooses initials and walks Module 4 in the sandbox, in the class zone", async ({
  page,
}) => {
  test.setTimeout(480_000);
  if (!appServices || appServices.steps.length === 0) throw new Error("Module 4 has no pages");
  await joinAsAttendee(page, "모듈4 참가자");
  await useSandbox(page);
  for (const step of ["ec2-launch", "elastic-ip"]) await doItForMe(page, "compute", step);

  const [first] = appServices.steps;
  await page.goto(`/lab/app-services/${first?.id}`);
  const form = page.getByTestId("initials-form");
  await form.getByLabel("이니셜").fill("김철수");
  await form.getByRole("button", { name: "이니셜 정하기" }).click();
  await expect(form.getByText("영문 소문자, 숫자, 하이픈")).toBeVisible();
  await expect(form.getByLabel("이니셜")).toHaveValue("김철수");
  const initials = `e2e${Date.now().toString(36).slice(-5)}`;
  await form.getByLabel("이니셜").fill(initials);
  await form.getByLabel("알림 받을 이메일").fill(`${initials}@example.com`);
  await form.getByRole("button", { name: "이니셜 정하기" }).click();
  await expect(page.getByTestId("initials-chosen")).toContainText(`${initials}.aws101.example`);
  await screenshot(page, "40-app-services-initials");

  for (const step of appServices.steps) {
    await page.goto(`/lab/app-services/${step.id}`);
    const check = page.locator(`[data-check=${step.id}]`);
    if (step.hasDoItForMe && nothingToDoInSandbox.has(step.id)) {
      const doIt = page.locator(`[data-doit=${step.id}]`);
      await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
      await expect(doIt.getByText("이미 다 되어 있습니다")).toBeVisible();
    }
    if (step.hasDoItForMe && !nothingToDoInSandbox.has(step.id)) {
      const doIt = page.locator(`[data-doit=${step.id}]`);
      await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
      await expect(doIt.locator("[data-plan]")).toBeVisible();
      await doIt.getByRole("button", { name: "실행하기" }).click();
      await expect(doIt.locator("[data-applied]")).toBeVisible();
      await expect(doIt.locator("[data-check-state]")).toHaveAttribute(
        "data-check-state",
        doneInSandbox[step.id] ?? /^pass$/,
      );
      if (step.id === "iam-user") {
        await expect(doIt.locator("a[download]")).toHaveAttribute(
          "download",
          "awslab-user-password.txt",
        );
      }
      await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
      await expect(doIt.getByText("이미 다 되어 있습니다")).toBeVisible();
      await screenshot(page, `41-app-services-${step.id}`);
    } else {
      await check.getByRole("button", { name: "확인하기" }).click();
      await expect(check.locator("[data-check-state]")).toHaveAttribute(
        "data-check-state",
        doneInSandbox[step.id] ?? /^pass$/,
      );
    }
  }

  await page.goto("/lab/app-services");
  const panel = page.locator("[data-status-panel=app-services]");
  for (const step of appServices.steps) {
    await expect(panel.locator(`[data-step-status=${step.id}]`)).toHaveAttribute(
      "data-state",
      doneInSandbox[step.id] ?? /^pass$/,
    );
  }
  await screenshot(page, "42-app-services-done");
});
