import { expect, test } from "@playwright/test";
import { joinAsAttendee, screenshot, useSandbox } from "./fixtures";

const steps = ["ec2-launch", "elastic-ip", "ssh-access", "web-app"] as const;

test("an attendee joins, picks the sandbox and completes Compute with do it for me", async ({
  page,
}) => {
  await joinAsAttendee(page, "E2E 참가자");
  await useSandbox(page);
  await screenshot(page, "01-credentials");

  await page.goto("/lab/compute");
  const panel = page.locator("[data-status-panel=compute]");
  for (const step of steps) {
    await expect(panel.locator(`[data-step-status=${step}]`)).not.toHaveAttribute(
      "data-state",
      "pass",
    );
  }
  await expect(panel.locator("[data-step-status=ec2-launch]")).toHaveAttribute(
    "data-state",
    "fail",
  );
  await screenshot(page, "02-compute-before");

  for (const step of steps) {
    await page.goto(`/lab/compute/${step}`);
    const check = page.locator(`[data-check=${step}]`);
    await check.getByRole("button", { name: "확인하기" }).click();
    await expect(check.locator("[data-check-state]")).not.toHaveAttribute(
      "data-check-state",
      "pass",
    );
    if (step === "ec2-launch")
      await expect(check.locator("[data-item=instance]")).toHaveAttribute("data-status", "fail");

    const doIt = page.locator(`[data-doit=${step}]`);
    await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
    await expect(doIt.locator("[data-plan]")).toBeVisible();
    await expect(doIt.locator("[data-kind=create]").first()).toBeVisible();
    await screenshot(page, `03-${step}-plan`);
    await doIt.getByRole("button", { name: "실행하기" }).click();
    await expect(doIt.locator("[data-applied]")).toBeVisible();
    await expect(doIt.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
    if (step === "ec2-launch") {
      const link = doIt.getByRole("link", { name: /awslab\.pem/ });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("awslab.pem");
      const stream = await download.createReadStream();
      let pem = "";
      for await (const chunk of stream) pem += chunk.toString();
      expect(pem).toContain("PRIVATE KEY");
      const again = await page.request.get((await link.getAttribute("href")) ?? "");
      expect(again.status()).toBe(410);
    }

    await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
    await expect(doIt.getByText("이미 다 되어 있습니다")).toBeVisible();
    await doIt.screenshot({ path: `e2e/artifacts/screenshots/04-${step}-doit.png` });
    await page
      .locator("article")
      .screenshot({ path: `e2e/artifacts/screenshots/04-${step}-page.png` });
  }

  await page.goto("/lab/compute");
  for (const step of steps) {
    await expect(panel.locator(`[data-step-status=${step}]`)).toHaveAttribute("data-state", "pass");
  }
  await screenshot(page, "05-compute-green");
});
