import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig, parseConfigText } from "../src/config";

describe("the config file", () => {
  it("reads KEY = value lines the way an attendee edits them", () => {
    const { values, warnings } = parseConfigText(
      [
        "# comment",
        "DB_HOST = awslab.abc.ap-northeast-2.rds.amazonaws.com",
        "DB_NAME='form'",
        'DB_USERPASSWORD = "pa#ss word"',
        "PRESIGNED_URL = True",
        "export S3_BUCKET=awslab-s3-abc",
        "",
        "DB_USRE = typo",
        "not a setting",
      ].join("\n"),
    );
    expect(values).toMatchObject({
      DB_HOST: "awslab.abc.ap-northeast-2.rds.amazonaws.com",
      DB_NAME: "form",
      DB_USERPASSWORD: "pa#ss word",
      PRESIGNED_URL: "True",
      S3_BUCKET: "awslab-s3-abc",
    });
    expect(warnings).toEqual(["line 8: unknown key DB_USRE", "line 9: expected KEY = value"]);
  });

  it("applies defaults, Python-style booleans and records which keys were given", () => {
    const config = parseConfig({ PRESIGNED_URL: "True", DB_HOST: " db ", S3_BUCKET: "" });
    expect(config).toMatchObject({
      PORT: 80,
      AWS_REGION: "ap-northeast-2",
      PRESIGNED_URL: true,
      DB_HOST: "db",
      DB_PORT: 3306,
      S3_BUCKET: "",
      MAX_UPLOAD_MB: 5,
    });
    expect(config.provided).toEqual(["DB_HOST", "PRESIGNED_URL"]);
    expect(parseConfig({ PRESIGNED_URL: "false" }).PRESIGNED_URL).toBe(false);
  });

  it("names every invalid key in one error", () => {
    expect(() => parseConfig({ AWS_ENDPOINT_URL: "ftp://x" })).toThrow(ConfigError);
    expect(() =>
      parseConfig({ PORT: "eighty", PRESIGNED_URL: "maybe", AWS_REGION: "Seoul" }),
    ).toThrow(/PORT[\s\S]*PRESIGNED_URL[\s\S]*AWS_REGION/);
  });

  it("lets environment variables override the file", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "sample-app-config-"));
    const file = path.join(directory, "config.env");
    writeFileSync(file, "DB_HOST = from-file\nS3_BUCKET = file-bucket\nPORT = 8080\n");
    const loaded = loadConfig({ file, env: { S3_BUCKET: "env-bucket", PORT: "", UNRELATED: "x" } });
    expect(loaded.fileFound).toBe(true);
    expect(loaded.config).toMatchObject({
      DB_HOST: "from-file",
      S3_BUCKET: "env-bucket",
      PORT: 8080,
    });

    const missing = loadConfig({
      file: path.join(directory, "absent.env"),
      env: { DB_HOST: "env" },
    });
    expect(missing.fileFound).toBe(false);
    expect(missing.config.DB_HOST).toBe("env");
    expect(missing.warnings[0]).toContain("not found");
  });
});
