import { describe, expect, it } from "vitest";
import { malformedPath, MAX_ACTION_BODY_BYTES, refusedActionCall } from "@/lib/http/request-guard";

const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/lab/compute/ec2-launch", {
    method: "POST",
    headers: { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", ...headers },
    body,
  });

function multipart(
  fields: Record<string, string>,
  headers: Record<string, string> = { "next-action": "7f00" },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request("http://localhost/credentials", { method: "POST", headers, body: form });
}

describe("request guard", () => {
  it("refuses paths that are not valid percent-encoding", () => {
    expect(malformedPath("/lab/%")).toBe(true);
    expect(malformedPath("/lab/%zz/x")).toBe(true);
    expect(malformedPath("/lab/%E0%A4%A")).toBe(true);
    expect(malformedPath("/lab/compute/%ED%95%9C")).toBe(false);
    expect(malformedPath("/lab/compute/ec2-launch")).toBe(false);
  });

  it("lets React's own encodings of the portal's action arguments through", async () => {
    expect(await refusedActionCall(action('[{"stepId":"ec2-launch"}]'))).toBeUndefined();
    expect(await refusedActionCall(action('["ko"]'))).toBeUndefined();
    expect(await refusedActionCall(action('[{"sql":"$$1 and $undefined"}]'))).toBeUndefined();
    expect(await refusedActionCall(action('["$undefined","$D2026-01-01","$n12"]'))).toBeUndefined();
    const form = multipart({ _1_accessKeyId: "ASIA", "0": '[{},"$K1"]' });
    expect(await refusedActionCall(form)).toBeUndefined();
  });

  it("refuses bodies no React client sends", async () => {
    for (const body of ["", "not json", "[", "{}", '"x"', '["$Q1"]', '["$F1"]', '[{"a":"$@1"}]'])
      expect(await refusedActionCall(action(body)), body).toBe(400);
    expect(await refusedActionCall(action("[".repeat(100) + "]".repeat(100)))).toBe(400);
    expect(await refusedActionCall(multipart({ "0": "not json" }))).toBe(400);
    expect(await refusedActionCall(multipart({ _1_region: "x" }))).toBe(400);
  });

  it("checks the reply a form posted without JavaScript carries for a bound action", async () => {
    const bound = { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"7f00","bound":"$@1"}' };
    expect(
      await refusedActionCall(multipart({ ...bound, "$ACTION_1:1": "[{}]" }, {})),
    ).toBeUndefined();
    expect(
      await refusedActionCall(multipart({ $ACTION_ID_7f00: "", region: "x" }, {})),
    ).toBeUndefined();
    expect(await refusedActionCall(multipart(bound, {}))).toBe(400);
    expect(
      await refusedActionCall(multipart({ $ACTION_REF_1: "", "$ACTION_1:0": "not json" }, {})),
    ).toBe(400);
    expect(await refusedActionCall(multipart({ $ACTION_REF_1: "" }, {}))).toBe(400);
  });

  it("refuses bodies over Next's action size limit with 413", async () => {
    const big = JSON.stringify(["x".repeat(MAX_ACTION_BODY_BYTES)]);
    expect(await refusedActionCall(action(big))).toBe(413);
  });

  it("leaves requests that are not action calls alone", async () => {
    const plain = new Request("http://localhost/api/auth/callback/attendee", {
      method: "POST",
      body: "not json",
    });
    expect(await refusedActionCall(plain)).toBeUndefined();
  });
});
