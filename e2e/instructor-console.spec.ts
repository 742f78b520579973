import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { labModules } from "./content";
import {
  doItForMe,
  INSTRUCTOR_EMAIL,
  instructorPassword,
  joinAsAttendee,
  screenshot,
  useSandbox,
} from "./fixtures";
import { secretsOfRun } from "./portal-client";

const compute = labModules().find((labModule) => labModule.id === "compute");
const firstStep = compute?.steps[0];
const run = Date.now().toString(36).slice(-5);

async function signInInstructor(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/instructor/sign-in");
  await page.getByLabel("이메일").fill(INSTRUCTOR_EMAIL);
  await page.getByLabel("비밀번호").fill(instructorPassword());
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { name: "강사 대시보드" })).toBeVisible();
  return page;
}

/** Creates an event from the console's form; returns its console URL and join code. */
async function createEvent(page: Page, name: string) {
  await page.goto("/instructor");
  const form = page.locator("[data-event-settings]");
  await form.getByLabel("이벤트 이름").fill(name);
  await form.getByRole("button", { name: "이벤트 만들기" }).click();
  await expect(page).toHaveURL(/\/instructor\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const joinCode = (await page.locator("[data-join-code]").textContent())?.trim() ?? "";
  expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
  return { url: new URL(page.url()).pathname, joinCode };
}

function seedClass(args: string[]): Record<string, string | number> {
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join("scripts", "seed-class.ts"),
      ...args,
    ],
    {
      env: {
        ...process.env,
        ...secretsOfRun(),
        DATABASE_URL: "file:./data/e2e.db",
        NEXTAUTH_URL: "http://localhost",
      },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`seed-class failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as Record<
    string,
    string | number
  >;
}

test("an instructor runs an event: live grid, help, broadcast, timer; attendees stay out", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  if (!compute || !firstStep) throw new Error("no compute module");
  const instructor = await signInInstructor(browser);
  const { url, joinCode } = await createEvent(instructor, `Console ${run}`);
  // The grid must update without a reload: this mark would be gone after one.
  await instructor.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
  await expect(instructor.locator("[data-grid-connection=live]")).toBeVisible();

  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await joinAsAttendee(alice, `Alice ${run}`, joinCode);
  await joinAsAttendee(bob, `Bob ${run}`, joinCode);
  const rowOf = (name: string) => instructor.locator(`[data-attendee-row="${name} ${run}"]`);
  await expect(rowOf("Alice")).toBeVisible();
  await expect(rowOf("Bob")).toBeVisible();
  await expect(rowOf("Alice")).toContainText("없음");

  // Progress: a sandbox account, then do it for me on the first step.
  await useSandbox(alice);
  await expect(rowOf("Alice")).toContainText("샌드박스");
  const cell = rowOf("Alice").locator(`[data-cell^="${firstStep.id}:"]`);
  await expect(cell).toHaveAttribute("data-cell", `${firstStep.id}:not-started`);
  await doItForMe(alice, compute.id, firstStep.id);
  const applied = Date.now();
  await expect(cell).toHaveAttribute("data-cell", `${firstStep.id}:pass`, { timeout: 60_000 });
  test.info().annotations.push({
    type: "grid delay after do-it-for-me (includes the post-apply check)",
    description: `${Date.now() - applied} ms`,
  });
  await expect(instructor.locator(`[data-step-total="${firstStep.id}"]`)).toContainText("✓1");

  // Help: Bob asks on a step page, the grid highlights him with the reason, the instructor marks it.
  await bob.goto(`/lab/${compute.id}/${firstStep.id}`);
  await bob.getByRole("button", { name: "도움 요청" }).click();
  await expect(bob.getByText("강사에게 도움을 요청했습니다")).toBeVisible();
  await expect(rowOf("Bob")).toHaveAttribute("data-attention", "help");
  await expect(rowOf("Bob").locator("[data-attention-reason]")).toContainText(firstStep.title);
  await screenshot(instructor, "console-help-request");
  await rowOf("Bob").getByRole("button", { name: "도움 완료" }).click();
  await expect(rowOf("Bob")).not.toHaveAttribute("data-attention", "help");

  // Broadcast: both attendees see it live, announced; one dismisses it.
  const message = `Break until 15:00 (${run})`;
  await instructor.getByLabel("모든 참가자에게 보낼 메시지").fill(message);
  await instructor.getByRole("button", { name: "보내기" }).click();
  for (const attendee of [alice, bob]) {
    await expect(attendee.locator("[data-event-banner]")).toHaveAttribute(
      "data-event-banner",
      "live",
    );
    const shown = attendee.locator("[data-broadcast]", { hasText: message });
    await expect(shown).toBeVisible();
    await expect(attendee.locator("[data-event-banner] [aria-live=assertive]")).toContainText(
      message,
    );
  }
  await alice.locator("[data-broadcast]", { hasText: message }).getByRole("button").click();
  await expect(alice.getByText(message)).toHaveCount(0);
  await alice.reload();
  await expect(alice.locator("[data-event-banner]")).toHaveAttribute("data-event-banner", "live");
  await expect(alice.getByText(message)).toHaveCount(0);

  // Timer: 30 minutes, then 10 more for everyone, then 5 more for Bob alone.
  const minutesLeft = async (page: Page) =>
    Math.round(
      Number(
        await page.locator("[data-countdown-remaining]").getAttribute("data-countdown-remaining"),
      ) / 60,
    );
  const controls = instructor.locator("[data-timer-controls]");
  await controls.getByLabel("분").first().fill("30");
  await controls.getByRole("button", { name: "타이머 시작" }).click();
  await expect.poll(() => minutesLeft(alice)).toBe(30);
  await expect.poll(() => minutesLeft(bob)).toBe(30);
  await controls.getByLabel("모두 연장").fill("10");
  await controls.getByRole("button", { name: "모두 연장" }).click();
  await expect.poll(() => minutesLeft(alice)).toBe(40);
  await expect.poll(() => minutesLeft(bob)).toBe(40);
  await controls.getByLabel("모두 연장").fill("5");
  await controls.getByRole("combobox").selectOption({ label: `Bob ${run}` });
  await controls.getByRole("button", { name: "이 참가자만 연장" }).click();
  await expect.poll(() => minutesLeft(bob)).toBe(45);
  expect(await minutesLeft(alice)).toBe(40);
  await screenshot(bob, "console-attendee-broadcast-timer");

  expect(
    await instructor.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
  await screenshot(instructor, "console-grid-two-attendees");

  // An attendee opens no instructor page, stream or export.
  const eventId = url.split("/").pop() ?? "";
  for (const path of [url, `${url}/settings`, `${url}/summary`, "/instructor"]) {
    await alice.goto(path);
    await expect(alice.getByTestId("forbidden")).toBeVisible();
    await expect(alice.locator("[data-live-grid]")).toHaveCount(0);
  }
  for (const path of [
    `/api/instructor/events/${eventId}/stream`,
    `/api/instructor/events/${eventId}/export`,
  ]) {
    const response = await alice.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

test("the grid with 300 attendees: light and dark, and how soon a change shows", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const instructor = await signInInstructor(browser);
  const { joinCode } = await createEvent(instructor, `Class of 300 ${run}`);
  expect(seedClass(["--event", joinCode, "--attendees", "300"])).toEqual({ attendees: 300 });
  await instructor.reload();
  await expect(instructor.locator("[data-attendee-row]")).toHaveCount(50);
  await expect(instructor.getByText("300명 중 300명 표시")).toBeVisible();
  await expect(instructor.locator("[data-grid-connection=live]")).toBeVisible();

  // Measured, not asserted: from the database write to the cell on screen (one machine, one clock).
  const row = instructor.locator('[data-attendee-row="Attendee 001"]');
  await instructor.getByRole("searchbox").fill("Attendee 001");
  await expect(row).toHaveCount(1);
  const delays: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await instructor.evaluate(() => {
      const seen = window as { __passes?: number; __seenAt?: number };
      const count = () =>
        document.querySelectorAll('[data-attendee-row="Attendee 001"] [data-cell$=":pass"]').length;
      seen.__passes = count();
      seen.__seenAt = undefined;
      const observer = new MutationObserver(() => {
        if (count() > (seen.__passes ?? 0)) {
          seen.__seenAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const { stepId, writtenAt } = seedClass(["--event", joinCode, "--pass", "Attendee 001"]);
    await expect(row.locator(`[data-cell="${stepId}:pass"]`)).toBeVisible();
    const seenAt = await instructor.evaluate(() => (window as { __seenAt?: number }).__seenAt);
    delays.push((seenAt ?? Date.now()) - Date.parse(String(writtenAt)));
  }
  test.info().annotations.push({
    type: "grid update delay, 300 attendees (ms)",
    description: delays.join(", "),
  });
  console.log(`grid update delay with 300 attendees: ${delays.join(", ")} ms`);

  await instructor.getByRole("searchbox").fill("");
  await instructor.setViewportSize({ width: 1600, height: 1000 });
  await instructor.emulateMedia({ colorScheme: "light" });
  await instructor.screenshot({
    path: path.join("e2e", "artifacts", "console-grid-300-light.png"),
  });
  await instructor.emulateMedia({ colorScheme: "dark" });
  await instructor.screenshot({ path: path.join("e2e", "artifacts", "console-grid-300-dark.png") });
  await instructor.getByLabel("보기").selectOption({ label: "도움이 필요한 사람" });
  await expect(instructor.locator("[data-attendee-row]").first()).toHaveAttribute(
    "data-attention",
    /help|stuck/,
  );
});

test("settings: closed joining and a rotated join code keep newcomers out", async ({ browser }) => {
  const instructor = await signInInstructor(browser);
  const { url, joinCode } = await createEvent(instructor, `Settings ${run}`);
  const join = async (code: string, name: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto("/");
    await page.getByLabel("참가 코드").fill(code);
    await page.getByLabel("이름", { exact: true }).fill(name);
    await page.getByRole("button", { name: "참가하기" }).click();
    return page;
  };
  const setJoining = async (open: boolean) => {
    await instructor.goto(`${url}/settings`);
    const form = instructor.locator("[data-event-settings]");
    await form.getByLabel("참가 받기").setChecked(open);
    await form.getByRole("button", { name: "저장" }).click();
    await expect(form.getByText("저장했습니다.")).toBeVisible();
  };

  await setJoining(false);
  const refused = await join(joinCode, `Late ${run}`);
  await expect(refused.getByText("지금 참가를 받지 않습니다")).toBeVisible();
  await setJoining(true);

  await instructor.goto(url);
  instructor.once("dialog", (dialog) => void dialog.accept());
  await instructor.getByRole("button", { name: "참가 코드 바꾸기" }).click();
  await expect(instructor.locator("[data-join-code]")).not.toHaveText(joinCode);
  const rotated = (await instructor.locator("[data-join-code]").textContent())?.trim() ?? "";
  const stale = await join(joinCode, `Stale ${run}`);
  await expect(stale.getByText("참가 코드가 맞지 않습니다")).toBeVisible();
  await joinAsAttendee(await (await browser.newContext()).newPage(), `Fresh ${run}`, rotated);
  await instructor.goto(url);
  await expect(instructor.locator(`[data-attendee-row="Fresh ${run}"]`)).toBeVisible();
  await expect(instructor.locator(`[data-attendee-row="Late ${run}"]`)).toHaveCount(0);
});

test("an event in English greets its attendees in English, until one switches to Korean", async ({
  browser,
}) => {
  const instructor = await signInInstructor(browser);
  const { url, joinCode } = await createEvent(instructor, `English ${run}`);
  await instructor.goto(`${url}/settings`);
  const form = instructor.locator("[data-event-settings]");
  await form.getByLabel("언어").selectOption("en");
  await form.getByRole("button", { name: "저장" }).click();
  await expect(form.getByText("저장했습니다.")).toBeVisible();

  // The browser asks for Korean (the suite's locale); the class's language wins on joining.
  const attendee = await (await browser.newContext()).newPage();
  await joinAsAttendee(attendee, `Guest ${run}`, joinCode);
  await expect(attendee.getByRole("heading", { level: 1 })).toHaveText("AWS credentials");
  await attendee.goto("/lab/compute/ec2-launch");
  await expect(attendee.getByRole("heading", { level: 1 })).toHaveText("Launch an EC2 instance");
  await attendee.getByRole("button", { name: "한국어" }).click();
  await expect(attendee.getByRole("heading", { level: 1 })).toHaveText("EC2 인스턴스 만들기");
  await attendee.reload();
  await expect(attendee.getByRole("heading", { level: 1 })).toHaveText("EC2 인스턴스 만들기");
});

test("assumed role: the attendee types an account ID, the portal assumes the event's role there", async ({
  browser,
}) => {
  const instructor = await signInInstructor(browser);
  const { url, joinCode } = await createEvent(instructor, `Assumed ${run}`);
  await instructor.goto(`${url}/settings`);
  const form = instructor.locator("[data-event-settings]");
  await form.getByLabel("AWS 계정 방식").selectOption("assumed-role");
  await form.getByLabel("역할 ARN 템플릿").fill("arn:aws:iam::{accountId}:role/AWS101Attendee");
  await form.getByLabel("외부 ID (ExternalId)").fill(`e2e-${run}`);
  await form.getByRole("button", { name: "저장" }).click();
  await expect(form.getByText("저장했습니다.")).toBeVisible();

  const attendee = await (await browser.newContext()).newPage();
  await joinAsAttendee(attendee, `Own account ${run}`, joinCode);
  // Only the event's way in: no sandbox button, no pasting.
  await expect(attendee.getByRole("heading", { name: "내 AWS 계정 연결" })).toBeVisible();
  await expect(attendee.getByText("arn:aws:iam::…:role/AWS101Attendee")).toBeVisible();
  await expect(attendee.getByRole("button", { name: "샌드박스 계정 받기" })).toHaveCount(0);
  await expect(attendee.getByLabel("액세스 키 ID (AccessKeyId)")).toHaveCount(0);

  const accountId = attendee.getByLabel("AWS 계정 ID (12자리 숫자)");
  await accountId.fill("1234-5678");
  await attendee.getByRole("button", { name: "연결", exact: true }).click();
  await expect(attendee.getByText("AWS 계정 ID는 숫자 12자리입니다")).toBeVisible();
  await expect(accountId).toHaveValue("1234-5678");

  const account = `4${Date.now().toString().slice(-11)}`;
  await accountId.fill(`${account.slice(0, 4)}-${account.slice(4, 8)}-${account.slice(8)}`);
  await attendee.getByRole("button", { name: "연결", exact: true }).click();
  await expect(attendee.getByTestId("account-id")).toHaveText(account);
  await expect(attendee.getByText("포털이 맡은 내 계정의 역할")).toBeVisible();
  await screenshot(attendee, "credentials-assumed-role");

  // The lab acts in that account: a check reads it (nothing there yet).
  await attendee.goto("/lab/compute/ec2-launch");
  await attendee.getByRole("button", { name: "확인하기" }).first().click();
  await expect(attendee.getByText("실패").first()).toBeVisible();
  await instructor.goto(url);
  await expect(
    instructor.locator(`[data-attendee-row="Own account ${run}"]`).getByText("역할 맡김"),
  ).toBeVisible();
});

test("a colleague without an account is invited by link, takes it once, and co-instructs", async ({
  browser,
}) => {
  const instructor = await signInInstructor(browser);
  const { url } = await createEvent(instructor, `Invite ${run}`);
  await instructor.goto(`${url}/settings`);
  const email = `colleague-${run}@aws101.local`;
  await instructor.getByLabel("공동 강사 이메일").fill(email);
  await instructor.getByRole("button", { name: "추가", exact: true }).click();
  await expect(instructor.locator("[data-action-message]")).toContainText(
    "초대 링크를 만들었습니다",
  );
  const link = await instructor.locator("[data-copy-text]").textContent();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/instructor\/invite\/[\w-]{43}$/);
  await expect(instructor.locator("[data-open-invites]")).toContainText(email);
  await screenshot(instructor, "settings-invitation");

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(new URL(link ?? "").pathname);
  await expect(colleague.getByRole("heading", { name: "공동 강사 초대" })).toBeVisible();
  await expect(colleague.getByText(`Invite ${run}`)).toBeVisible();
  await colleague.getByLabel("이름").fill(`Colleague ${run}`);
  await colleague.getByLabel("비밀번호 (8자 이상)").fill("correct horse battery");
  await colleague.getByLabel("비밀번호 확인").fill("correct horse batterY");
  await colleague.getByRole("button", { name: "계정 만들고 참여하기" }).click();
  await expect(colleague.getByText("두 비밀번호가 서로 다릅니다.")).toBeVisible();
  await expect(colleague.getByLabel("이름")).toHaveValue(`Colleague ${run}`);
  await screenshot(colleague, "instructor-invite");
  await colleague.getByLabel("비밀번호 확인").fill("correct horse battery");
  await colleague.getByRole("button", { name: "계정 만들고 참여하기" }).click();
  await expect(colleague).toHaveURL(new RegExp(`${url}$`));
  await expect(colleague.getByRole("heading", { name: `Invite ${run}` })).toBeVisible();

  await instructor.reload();
  await expect(instructor.locator("[data-event-instructors]")).toContainText(
    `Colleague ${run} <${email}> · 공동 강사`,
  );
  await expect(instructor.locator("[data-open-invites]")).toHaveCount(0);
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link ?? "").pathname);
  await expect(again.getByText("이 초대 링크는 쓸 수 없습니다")).toBeVisible();
  await expect(again.locator("[data-invite-form]")).toHaveCount(0);
});
