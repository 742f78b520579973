import { expect, test } from "@playwright/test";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";

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
