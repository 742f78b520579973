import { expect, test, type Page } from "@playwright/test";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";

async function check(page: Page, step: string) {
  await page.goto(`/lab/storage/${step}`);
  const panel = page.locator(`[data-check=${step}]`);
  await panel.getByRole("button", { name: "확인하기" }).click();
  await expect(panel.locator("[data-check-state]")).toBeVisible();
  return panel;
}

async function sandboxHealth(page: Page) {
  await page.goto("/lab/sandbox");
  return page.getByTestId("sandbox-health");
}

test("NoCredentials, then AccessDenied, then an upload: the app's errors in order, driven by IAM alone", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await joinAsAttendee(page, "Storage 참가자");
  await useSandbox(page);
  await doItForMe(page, "compute", "ec2-launch");
  await doItForMe(page, "storage", "s3-bucket");
  const bucketItem = (await check(page, "s3-bucket")).locator("[data-item=bucket]");
  const bucket = /awslab-s3-[a-z0-9]+/.exec((await bucketItem.textContent()) ?? "")?.[0];
  if (!bucket) throw new Error("the check names no bucket");

  // What the attendee would do over SSH: config.env on the sandbox instance page.
  await sandboxHealth(page);
  const config = page.getByTestId("sandbox-config");
  await expect(config).toHaveValue(/S3_BUCKET =/);
  await config.fill(
    (await config.inputValue()).replace(/^S3_BUCKET =.*$/m, `S3_BUCKET = ${bucket}`),
  );
  await page.getByRole("button", { name: "저장하고 앱 다시 시작" }).click();
  await expect(page.getByTestId("sandbox-config-message")).toHaveText(/저장했습니다/);
  await expect(page.getByTestId("sandbox-health")).toContainText('"status": "NoCredentials"');
  await screenshot(page, "storage-01-sandbox-nocredentials");

  const appS3 = await check(page, "app-s3");
  await expect(appS3.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await expect(appS3.locator("[data-item=no-credentials]")).toContainText("NoCredentials");
  await screenshot(page, "storage-02-app-s3-nocredentials");

  const role = await doItForMe(page, "storage", "iam-role");
  await expect(role.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await expect(role.locator("[data-item=app]")).toContainText("AccessDenied");
  await role.screenshot({ path: "e2e/artifacts/screenshots/storage-03-iam-role-accessdenied.png" });
  await expect(await sandboxHealth(page)).toContainText('"status": "AccessDenied"');

  const policy = await doItForMe(page, "storage", "iam-policy");
  await expect(policy.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await expect(policy.locator("[data-item=upload]")).toContainText("uploads/");
  await policy.screenshot({ path: "e2e/artifacts/screenshots/storage-04-iam-policy-upload.png" });
  await expect(await sandboxHealth(page)).toContainText('"status": "ok"');
  await screenshot(page, "storage-05-sandbox-ok");
});

test("public access says which switch blocks, and the presigned page undoes the public policy", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await joinAsAttendee(page, "Public 참가자");
  await useSandbox(page);
  await doItForMe(page, "compute", "ec2-launch");
  await doItForMe(page, "storage", "s3-bucket");

  const blocked = await check(page, "public-access");
  await expect(blocked.locator("[data-item=public-read]")).toHaveAttribute("data-status", "fail");
  await expect(blocked.locator("[data-item=public-read]")).toContainText("BlockPublicPolicy");

  await page.goto("/lab/storage/public-access");
  const doIt = page.locator("[data-doit=public-access]");
  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  await expect(doIt.locator("[data-plan-entry=policy]")).toContainText("보안");
  await screenshot(page, "storage-06-public-plan");
  await doIt.getByRole("button", { name: "실행하기" }).click();
  await expect(doIt.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");

  await doItForMe(page, "storage", "presigned");
  const undo = page.locator("[data-undo=public-access]");
  await undo.getByRole("button", { name: "되돌리기" }).click();
  await expect(undo.locator("[data-plan-entry=policy]")).toHaveAttribute("data-kind", "remove");
  await expect(undo.locator("[data-plan-entry=bucket-bpa]")).toHaveAttribute("data-kind", "update");
  await undo.getByRole("button", { name: "되돌리기 실행" }).click();
  await expect(undo.locator("[data-applied]")).toContainText("되돌렸습니다: 2개 작업");
  await undo.screenshot({ path: "e2e/artifacts/screenshots/storage-07-undo.png" });

  const afterUndo = await check(page, "public-access");
  await expect(afterUndo.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await expect(afterUndo.locator("[data-item=public-read]")).toContainText("미리 서명된 URL");

  await page.goto("/lab/storage/presigned");
  const again = page.locator("[data-undo=public-access]");
  await again.getByRole("button", { name: "되돌리기" }).click();
  await expect(again.getByText("되돌릴 것이 없습니다.", { exact: true })).toBeVisible();
});

test("the storage pages are there in English too", async ({ page, baseURL }) => {
  await joinAsAttendee(page, "Storage EN");
  await page.context().addCookies([{ name: "aws101-locale", value: "en", url: baseURL }]);
  await page.goto("/lab/storage");
  await page
    .getByRole("link", { name: /Make objects public/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Make objects public");
  await expect(
    page.locator("[data-undo=public-access]").getByRole("button", { name: "Undo" }),
  ).toBeVisible();
  await screenshot(page, "storage-08-en-public-access");
});
