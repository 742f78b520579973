import { expect, test, type Page } from "@playwright/test";
import { labModules } from "./content";
import { doItForMe, joinAsAttendee, screenshot, useSandbox } from "./fixtures";

async function check(page: Page, moduleId: string, step: string) {
  await page.goto(`/lab/${moduleId}/${step}`);
  const box = page.locator(`[data-check=${step}]`);
  await box.getByRole("button", { name: "확인하기" }).click();
  return box.locator("[data-check-state]");
}

/** What the attendee types at `mysql -h … -u admin -p` on the sandbox instance page. */
async function mysql(page: Page, sql: string) {
  const console = page.getByTestId("mysql-console");
  await console.getByTestId("mysql-sql").fill(sql);
  await console.getByRole("button", { name: "실행" }).click();
}

const LAB_SQL = `CREATE DATABASE form;
CREATE USER form_user IDENTIFIED BY 'asdf1234';
GRANT ALL PRIVILEGES ON form.* TO form_user;
USE form;
CREATE TABLE IF NOT EXISTS users (
  id INT AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  email VARCHAR(255) NOT NULL,
  password VARCHAR(255) NOT NULL,
  attachment VARCHAR(255),
  PRIMARY KEY (id)
);`;

test("the Database module in the sandbox: RDS, failover, 3306, the lab's SQL at mysql, config.env, a sign-up, a green panel", async ({
  page,
}) => {
  await joinAsAttendee(page, "DB 참가자");
  await useSandbox(page);
  for (const step of labModules().find((labModule) => labModule.id === "compute")?.steps ?? []) {
    await doItForMe(page, "compute", step.id);
  }

  // 1. The instance, with its master password handed over once.
  await page.goto("/lab/database/rds-create");
  await expect(page.locator("[data-sandbox-note]")).toContainText("에뮬레이터는 awslab을");
  const created = await doItForMe(page, "database", "rds-create");
  await expect(created.locator("a[download]")).toHaveAttribute(
    "download",
    "awslab-master-password.txt",
  );
  await expect(created.locator("[data-check-state]")).toHaveAttribute("data-check-state", "pass");
  await screenshot(page, "db-01-rds-create");

  // 2. The failover: requested, but the emulator can't show it.
  const failover = await doItForMe(page, "database", "rds-failover");
  await expect(failover.locator("[data-check-state]")).toHaveAttribute(
    "data-check-state",
    "unobservable",
  );
  await expect(failover.locator("[data-item=failover]")).toContainText(
    "샌드박스에서는 확인할 수 없습니다",
  );

  // 4 before 3: without the 3306 rule, mysql on Web times out.
  await page.goto("/lab/sandbox");
  await mysql(page, "SHOW DATABASES;");
  await expect(page.getByTestId("mysql-problem")).toContainText("ERROR 2003 (HY000)");
  await screenshot(page, "db-02-mysql-timeout");

  // 3. The group reference.
  await doItForMe(page, "database", "mysql-access");
  await expect(await check(page, "database", "mysql-access")).toHaveAttribute(
    "data-check-state",
    "pass",
  );

  // 4. The lab's SQL, typed at the sandbox's mysql.
  await page.goto("/lab/sandbox");
  await mysql(page, LAB_SQL);
  const output = page.getByTestId("mysql-output");
  await expect(output).toContainText("mysql> CREATE DATABASE form;");
  await expect(output).toContainText("Query OK");
  await expect(page.getByTestId("mysql-status")).toContainText("현재 데이터베이스: form");
  await mysql(page, "SHOW TABLES;");
  await expect(output).toContainText("| users");
  const endpoint = /admin@(\S+)/.exec(
    (await page.getByTestId("mysql-status").textContent()) ?? "",
  )?.[1];
  expect(endpoint).toMatch(/^awslab\./);
  await screenshot(page, "db-03-mysql-setup");
  await expect(await check(page, "database", "mysql-setup")).toHaveAttribute(
    "data-check-state",
    "pass",
  );

  // 5. config.env on Web, then a sign-up through the app and /admin.
  await page.goto("/lab/database/app-db");
  await expect(page.locator("[data-code-block]").filter({ hasText: "DB_HOST" })).toContainText(
    `DB_HOST = ${endpoint}`,
  );
  await page.goto("/lab/sandbox");
  const config = page.getByTestId("sandbox-config");
  await expect(config).toHaveValue(/DB_HOST =/);
  const edited = (await config.inputValue())
    .replace(/^DB_HOST =.*$/m, `DB_HOST = ${endpoint}`)
    .replace(/^DB_NAME =.*$/m, "DB_NAME = form")
    .replace(/^DB_USER =.*$/m, "DB_USER = form_user")
    .replace(/^DB_USERPASSWORD =.*$/m, "DB_USERPASSWORD = asdf1234");
  await config.fill(edited);
  await page.getByRole("button", { name: "저장하고 앱 다시 시작" }).click();
  await expect(page.getByTestId("sandbox-config-message")).toHaveText(/저장했습니다/);
  await expect(page.getByTestId("sandbox-health")).toContainText('"status": "ok"');
  const appUrl = /http:\/\/127\.0\.0\.1:\d+/.exec(
    (await page.getByTestId("sandbox-app").textContent()) ?? "",
  )?.[0];
  expect(appUrl).toBeDefined();

  await page.goto(appUrl!);
  await page.locator("#name").fill("김실습");
  await page.locator("#email").fill("lab@example.com");
  await page.locator("#password").fill("lab-password-1");
  await page.getByRole("button", { name: "가입하기 · Sign Up" }).click();
  await expect(page.locator(".flash.success")).toContainText("가입해 주셔서 감사합니다, 김실습님!");
  await screenshot(page, "db-04-signup");
  await page.goto(`${appUrl}/admin`);
  await expect(page.locator("table")).toContainText("lab@example.com");
  await screenshot(page, "db-05-admin");

  await expect(await check(page, "database", "app-db")).toHaveAttribute("data-check-state", "pass");

  await page.goto("/lab/database");
  const panel = page.locator("[data-status-panel=database]");
  for (const step of ["rds-create", "mysql-access", "mysql-setup", "app-db"]) {
    await expect(panel.locator(`[data-step-status=${step}]`)).toHaveAttribute("data-state", "pass");
  }
  await expect(panel.locator("[data-step-status=rds-failover]")).toHaveAttribute(
    "data-state",
    "unobservable",
  );
  await screenshot(page, "db-06-green-panel");
});
