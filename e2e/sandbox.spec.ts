import { expect, test } from "@playwright/test";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";

test("the sandbox instance page stands in for SSH: the attendee's own app, config.env and log", async ({
  page,
}) => {
  await joinAsAttendee(page, "Sandbox 참가자");
  await useSandbox(page);
  await page.goto("/lab/compute/ssh-access");
  await expect(page.locator("[data-sandbox-note]")).toContainText("SSH로 접속할 수 없습니다");

  await doItForMe(page, "compute", "ec2-launch");
  await page.goto("/lab/sandbox");
  const app = page.getByTestId("sandbox-app");
  await expect(app).toHaveAttribute("data-state", "running");
  await expect(page.getByTestId("sandbox-health")).toContainText('"app": "aws101-sample-app"');

  const config = page.getByTestId("sandbox-config");
  await expect(config).toHaveValue(/DB_HOST =/);
  const edited = (await config.inputValue()).replace(
    "ADMIN_PASSWORD =",
    "ADMIN_PASSWORD = e2e-admin",
  );
  await config.fill(edited);
  await page.getByRole("button", { name: "저장하고 앱 다시 시작" }).click();
  await expect(page.getByTestId("sandbox-config-message")).toHaveText(/저장했습니다/);
  await expect(page.getByTestId("sandbox-health")).toContainText('"ADMIN_PASSWORD": true');
  await expect(page.getByTestId("sandbox-log")).toContainText("GET /healthz 200");
  await screenshot(page, "sandbox-instance");
});
