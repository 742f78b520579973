import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";
import { seedEvent, signInInstructor } from "./portal-client";

/** Web with its Elastic IP, the lab bucket and the RDS instance: what costs money by the hour. */
const BUILT = [
  ["compute", "ec2-launch"],
  ["compute", "elastic-ip"],
  ["storage", "s3-bucket"],
  ["database", "rds-create"],
] as const;

const USD = String.raw`\d+(?:\.\d+)?`;

test("an attendee cleans up in the sandbox: the plan with its cost, apply, then proof nothing is left", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await joinAsAttendee(page, "정리 참가자");
  await useSandbox(page);
  for (const [moduleId, stepId] of BUILT) await doItForMe(page, moduleId, stepId);

  await page.goto("/lab/cleanup/cleanup");
  const check = page.locator("[data-check=cleanup]");
  await check.getByRole("button", { name: "확인하기" }).click();
  await expect(check.locator("[data-check-state]")).toHaveAttribute("data-check-state", "fail");
  await expect(check).toContainText(new RegExp(`남은 리소스의 요금은 시간당 약 ${USD} USD`));

  const doIt = page.locator("[data-doit=cleanup]");
  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  const plan = doIt.locator("[data-plan]");
  await expect(plan).toBeVisible();
  await expect(plan).toContainText(
    new RegExp(`지금 남은 실습 리소스는 시간당 약 ${USD} USD\\(하루 약 ${USD} USD\\)`),
  );
  await expect(plan).toContainText(/탄력적 IP .+ 릴리스합니다\. 시간당 [\d.]+ USD/);
  await expect(plan).toContainText(
    /RDS 인스턴스 awslab\(ap-northeast-2\)을\(를\) 최종 스냅샷 없이/,
  );
  await expect(plan).toContainText("web-server-sg");
  await expect(plan).toContainText("awslab-s3-");
  await screenshot(page, "50-cleanup-plan");

  await doIt.getByRole("button", { name: "실행하기" }).click();
  await expect(doIt.locator("[data-applied]")).toBeVisible();
  await expect(doIt.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await expect(doIt).toContainText(
    "ap-northeast-2, us-east-1와 공용 호스팅 영역에 실습 리소스가 하나도 남아 있지 않습니다.",
  );
  await expect(doIt).toContainText(new RegExp(`정리한 덕분에 하루 약 ${USD} USD`));
  await screenshot(page, "51-cleanup-proof");

  await doIt.getByRole("button", { name: "대신 해 주세요" }).click();
  await expect(doIt.getByText("이미 다 되어 있습니다")).toBeVisible();
});

test("an instructor cleans up everyone of their event in the background and downloads the report", async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  // An event of its own: the run must not touch the attendees of the shared E2E event.
  const suffix = randomBytes(4).toString("hex").toUpperCase();
  const owner = {
    email: `cleanup-${suffix.toLowerCase()}@aws101.local`,
    password: randomBytes(12).toString("base64url"),
    joinCode: `CLEAN${suffix}`,
  };
  await seedEvent(owner);
  const attendeeName = `정리 대상 ${suffix}`;
  await joinAsAttendee(page, attendeeName, owner.joinCode);
  await useSandbox(page);
  for (const stepId of ["ec2-launch", "elastic-ip"]) await doItForMe(page, "compute", stepId);

  const instructor = await browser.newContext();
  expect((await signInInstructor(instructor.request, owner.email, owner.password)).status()).toBe(
    200,
  );
  const consolePage = await instructor.newPage();
  await consolePage.goto("/instructor");
  await consolePage.locator('a[href^="/instructor/events/"]').first().click();
  const section = consolePage.getByTestId("cleanup-everyone");
  await expect(section).toContainText("아직 실행하지 않았습니다.");
  const start = section.getByRole("button", { name: "모두 정리 시작" });
  await expect(start).toBeDisabled();
  await section.getByLabel("모든 참가자의 실습 리소스를 삭제한다는 것을 이해했습니다").check();
  await start.click();
  await expect(section.getByRole("status")).toHaveText(
    "정리를 시작했습니다. 이 페이지에 진행 상황이 나타납니다.",
  );
  // The page refreshes itself every 10 s while the run goes on in the background.
  await expect(section.locator("[data-run-state]")).toHaveAttribute("data-run-state", "finished", {
    timeout: 120_000,
  });
  const row = section.locator("tr", { hasText: attendeeName });
  await expect(row).toHaveAttribute("data-cleanup-state", "clean");
  await screenshot(consolePage, "52-cleanup-everyone");

  const eventId = await section.getAttribute("data-event-id");
  const csv = await instructor.request.get(`/api/cleanup-report/${eventId}`);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("참가자,결과,삭제,남음,내용,할 일");
  const mine = lines.filter((line) => line.startsWith(`${attendeeName},남은 것 없음,`));
  expect(mine.length).toBeGreaterThanOrEqual(4);
  expect(mine.join("\n")).toContain("탄력적 IP");
  // Nothing is left: the attendee's own check says so too.
  await page.goto("/lab/cleanup/cleanup");
  const check = page.locator("[data-check=cleanup]");
  await check.getByRole("button", { name: "확인하기" }).click();
  await expect(check.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await instructor.close();
});
