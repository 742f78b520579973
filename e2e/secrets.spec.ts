import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, test, type Locator } from "@playwright/test";
import { labModules } from "./content";
import {
  doItForMe,
  INSTRUCTOR_EMAIL,
  instructorPassword,
  joinAsAttendee,
  useSandbox,
} from "./fixtures";
import { PLANTED_FILE, emulatorTemporaryCredentials } from "./portal-client";

/**
 * Plants recognisable secrets through the browser, as attendees and instructors hand them over:
 * pasted credentials the emulator issued (used for a Check), the key pair and the RDS master
 * password do it for me hands out once, the instructor's password and an invited colleague's.
 * The `no-secrets` project scans for them after every other spec has run.
 */

async function downloaded(link: Locator): Promise<string> {
  const [download] = await Promise.all([link.page().waitForEvent("download"), link.click()]);
  let content = "";
  for await (const chunk of await download.createReadStream()) content += chunk.toString();
  return content;
}

test("secrets are planted: pasted credentials, a key pair, an RDS master password, instructor passwords", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const pasted = await emulatorTemporaryCredentials(`planted-${randomBytes(4).toString("hex")}`);
  await joinAsAttendee(page, "Secret keeper");
  await page.getByLabel("액세스 키 ID (AccessKeyId)").fill(pasted.accessKeyId);
  await page.getByLabel("비밀 액세스 키 (SecretAccessKey)").fill(pasted.secretAccessKey);
  await page.getByLabel("세션 토큰 (SessionToken)").fill(pasted.sessionToken);
  await page.getByLabel("리전").fill(pasted.region);
  await page.getByRole("button", { name: "확인하고 저장하기" }).click();
  await expect(page.getByText(/의 자격 증명을 확인하고 저장했습니다/)).toBeVisible();

  const compute = labModules().find((labModule) => labModule.id === "compute");
  const firstStep = compute?.steps[0]?.id;
  if (!compute || !firstStep) throw new Error("no compute module");
  await page.goto(`/lab/compute/${firstStep}`);
  const check = page.locator(`[data-check=${firstStep}]`);
  await check.getByRole("button", { name: "확인하기" }).click();
  await expect(check.locator("[data-check-state]")).toBeVisible();

  await page.goto("/credentials");
  await useSandbox(page);
  const launch = await doItForMe(page, "compute", "ec2-launch");
  const pem = await downloaded(launch.locator("a[download]").first());
  expect(pem).toContain("PRIVATE KEY");
  for (const step of compute.steps.slice(1).filter((candidate) => candidate.hasDoItForMe))
    await doItForMe(page, "compute", step.id);
  const rds = await doItForMe(page, "database", "rds-create");
  const passwordFile = await downloaded(rds.locator("a[download]").first());
  const masterPassword = /Master password: (\S+)/.exec(passwordFile)?.[1];
  expect(masterPassword).toBeTruthy();

  const instructor = await browser.newPage();
  await instructor.goto("/instructor/sign-in");
  await instructor.getByLabel("이메일").fill(INSTRUCTOR_EMAIL);
  await instructor.getByLabel("비밀번호").fill(instructorPassword());
  await instructor.getByRole("button", { name: "로그인" }).click();
  await expect(instructor.getByRole("heading", { name: "강사 대시보드" })).toBeVisible();
  // A colleague invited by link chooses a password: it travels in the request, never back out.
  const eventUrl = await instructor
    .locator('[data-event-card="E2E rehearsal"] a[href^="/instructor/events/"]')
    .first()
    .getAttribute("href");
  await instructor.goto(`${eventUrl}/settings`);
  await instructor
    .getByLabel("공동 강사 이메일")
    .fill(`planted-${randomBytes(3).toString("hex")}@aws101.local`);
  await instructor.getByRole("button", { name: "추가", exact: true }).click();
  const invitation = (await instructor.locator("[data-copy-text]").textContent()) ?? "";
  await instructor.close();
  const colleaguePassword = `Colleague-${randomBytes(12).toString("base64url")}`;
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(new URL(invitation).pathname);
  await colleague.getByLabel("이름").fill("Planted colleague");
  await colleague.getByLabel("비밀번호 (8자 이상)").fill(colleaguePassword);
  await colleague.getByLabel("비밀번호 확인").fill(colleaguePassword);
  await colleague.getByRole("button", { name: "계정 만들고 참여하기" }).click();
  await expect(colleague).toHaveURL(new RegExp(`${eventUrl}$`));
  await colleague.close();

  // A line from the middle of the key: the base64 body, not the PEM armour every key shares.
  const keyLines = pem.split("\n").filter((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line));
  const planted = {
    "pasted secret access key": pasted.secretAccessKey,
    "pasted session token": pasted.sessionToken,
    "key pair material": keyLines[Math.floor(keyLines.length / 2)] ?? "",
    "RDS master password": masterPassword ?? "",
    "instructor password": instructorPassword(),
    "invited co-instructor's password": colleaguePassword,
  };
  for (const [name, value] of Object.entries(planted))
    expect(value.length, name).toBeGreaterThanOrEqual(8);
  writeFileSync(PLANTED_FILE, JSON.stringify(planted), { mode: 0o600 });
});
