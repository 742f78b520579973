// Pure pieces: S3 key naming and URLs, content types, escaping, CSRF, hashing, error mapping.
import { describe, expect, it } from "vitest";
import { Csrf } from "../src/csrf";
import { toDatabaseError } from "../src/db";
import { html } from "../src/html";
import { PASSWORD_HASH_LENGTH, hashPassword } from "../src/password";
import {
  classifyS3Error,
  contentTypeFor,
  objectKeyFor,
  publicObjectUrl,
  safeFileName,
} from "../src/storage";

describe("S3 object keys", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\kim\\report.pdf", "report.pdf"],
    ["이력서 (최종).pdf", "이력서_최종_.pdf"],
    [".htaccess", "htaccess"],
    ["..", "file"],
    ["", "file"],
    ["a<b>c\u0000.txt", "a_b_c_.txt"],
  ])("%j becomes %j", (original, expected) => {
    expect(safeFileName(original)).toBe(expected);
  });

  it("keeps long names under the limit with their extension", () => {
    const name = safeFileName(`${"가".repeat(300)}.pdf`);
    expect(name.length).toBe(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("prefixes every key with uploads/ and a fresh UUID", () => {
    const first = objectKeyFor("a.png");
    expect(first).toMatch(/^uploads\/[0-9a-f-]{36}\/a\.png$/);
    expect(objectKeyFor("a.png")).not.toBe(first);
  });
});

describe("attachment URLs", () => {
  const key = "uploads/0b5c/사진 #1.png";
  it("uses today's virtual-hosted form with an encoded key (not the lab's s3-REGION form)", () => {
    expect(publicObjectUrl({ bucket: "awslab-s3-abc", region: "ap-northeast-2" }, key)).toBe(
      "https://awslab-s3-abc.s3.ap-northeast-2.amazonaws.com/uploads/0b5c/%EC%82%AC%EC%A7%84%20%231.png",
    );
  });
  it("works for us-east-1, and stays path-style for dotted bucket names", () => {
    expect(publicObjectUrl({ bucket: "b", region: "us-east-1" }, "k")).toBe(
      "https://b.s3.us-east-1.amazonaws.com/k",
    );
    expect(publicObjectUrl({ bucket: "woo.saltware.io", region: "ap-northeast-2" }, "k")).toBe(
      "https://s3.ap-northeast-2.amazonaws.com/woo.saltware.io/k",
    );
  });
  it("points at the emulator path-style when an endpoint is configured", () => {
    expect(
      publicObjectUrl(
        { bucket: "b", region: "ap-northeast-2", endpoint: "http://127.0.0.1:5000" },
        "a b",
      ),
    ).toBe("http://127.0.0.1:5000/b/a%20b");
  });
});

describe("content types", () => {
  it("come from the extension; markup never renders inline", () => {
    expect(contentTypeFor("photo.JPG")).toEqual({ type: "image/jpeg", inline: true });
    expect(contentTypeFor("notes.txt").type).toBe("text/plain; charset=utf-8");
    expect(contentTypeFor("page.html")).toEqual({
      type: "application/octet-stream",
      inline: false,
    });
    expect(contentTypeFor("logo.svg")).toEqual({ type: "application/octet-stream", inline: false });
  });
});

describe("html escaping", () => {
  it("escapes every interpolated string, nested arrays included", () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${[name, html`<b>${name}</b>`]}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">' +
        "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;" +
        "<b>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</b></p>",
    );
  });
});

describe("CSRF tokens", () => {
  it("verify only with the nonce they were issued for", () => {
    const csrf = new Csrf();
    const { nonce, token } = csrf.issue(undefined);
    expect(csrf.verify(nonce, token)).toBe(true);
    expect(csrf.issue(nonce).token).toBe(token);
    expect(csrf.verify(csrf.issue(undefined).nonce, token)).toBe(false);
    expect(csrf.verify(nonce, undefined)).toBe(false);
    expect(new Csrf().verify(nonce, token)).toBe(false);
  });
});

describe("password hashes", () => {
  it("have a fixed length that the lab's VARCHAR(35) cannot hold", async () => {
    const hash = await hashPassword("asdf1234");
    expect(hash.length).toBe(PASSWORD_HASH_LENGTH);
    expect(PASSWORD_HASH_LENGTH).toBeGreaterThan(35);
    expect(PASSWORD_HASH_LENGTH).toBeLessThanOrEqual(255);
    expect(await hashPassword("asdf1234")).not.toBe(hash);
  });
});

describe("error mapping", () => {
  const awsError = (name: string, status: number) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

  it("maps AWS SDK errors to the codes the lab teaches", () => {
    const noCredentials = Object.assign(
      new Error("Could not load credentials from any providers"),
      {
        name: "CredentialsProviderError",
      },
    );
    expect(classifyS3Error(noCredentials, "PutObject").problem).toBe("NoCredentials");
    expect(classifyS3Error(awsError("AccessDenied", 403), "PutObject").problem).toBe(
      "AccessDenied",
    );
    expect(classifyS3Error(awsError("UnknownError", 403), "PutObject").code).toBe("AccessDenied");
    expect(classifyS3Error(awsError("NotFound", 404), "HeadBucket").problem).toBe("NoSuchBucket");
    expect(classifyS3Error(awsError("NoSuchBucket", 404), "PutObject").problem).toBe(
      "NoSuchBucket",
    );
    expect(
      classifyS3Error(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), "PutObject")
        .problem,
    ).toBe("Unreachable");
  });

  it("maps driver errors to the database states /healthz reports", () => {
    const driverError = (code: string) => Object.assign(new Error(code), { code });
    expect(toDatabaseError(driverError("ETIMEDOUT")).problem).toBe("timeout");
    expect(toDatabaseError(driverError("ENOTFOUND")).problem).toBe("host_not_found");
    expect(toDatabaseError(driverError("ER_TRUNCATED_WRONG_VALUE_FOR_FIELD")).problem).toBe(
      "wrong_charset",
    );
    expect(toDatabaseError(driverError("ER_SOMETHING_ELSE"))).toMatchObject({
      problem: "error",
      code: "ER_SOMETHING_ELSE",
    });
  });
});
