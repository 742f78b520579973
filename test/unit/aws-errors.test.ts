import { describe, expect, it } from "vitest";
import { AwsCallError, awsCall, classifyAwsError } from "@/lib/aws/errors";
import { presentProblem } from "@/lib/lab/present";
import { translator } from "@/messages";

const awsError = (name: string) => Object.assign(new Error(name), { name });

describe("AWS errors become typed problems with a Korean explanation", () => {
  it.each([
    ["AccessDenied", "access_denied"],
    ["UnauthorizedOperation", "access_denied"],
    ["AuthFailure", "invalid_credentials"],
    ["ExpiredToken", "expired_credentials"],
    ["RequestLimitExceeded", "throttled"],
    ["AddressLimitExceeded", "limit_exceeded"],
    ["SomethingNew", "unknown"],
  ])("%s → %s", (name, code) => {
    expect(classifyAwsError(awsError(name), "ec2:DescribeInstances")).toMatchObject({
      code,
      awsCode: name,
    });
  });

  it("recognises an unreachable endpoint from the network error underneath", () => {
    const refused = Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(classifyAwsError(refused)).toMatchObject({
      code: "endpoint_unreachable",
      awsCode: "ECONNREFUSED",
    });
  });

  it("names the operation that failed, in Korean and without a stack trace", async () => {
    const failing = awsCall("ec2:DescribeInstances", () =>
      Promise.reject(awsError("AccessDenied")),
    );
    await expect(failing).rejects.toBeInstanceOf(AwsCallError);
    const problem = await failing.catch((error: AwsCallError) => error.problem);
    const text = presentProblem(problem, translator("ko"));
    expect(text).toBe(
      "AWS가 ec2:DescribeInstances 요청을 거부했습니다 (AccessDenied). 이 자격 증명에 해당 권한이 있는지 확인하세요.",
    );
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
