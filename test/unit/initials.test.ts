import { describe, expect, it } from "vitest";
import { appServicesNames, initialsSchema, switchRoleUrl } from "@/lib/lab/app-services";

const refusal = (input: string) => {
  const parsed = initialsSchema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe("initials", () => {
  it("accepts a DNS label and keeps it lower case", () => {
    expect(initialsSchema.parse(" Kim ")).toBe("kim");
    expect(initialsSchema.parse("hg-dong2")).toBe("hg-dong2");
  });

  it.each([
    ["k", "initials.tooShort"],
    ["a".repeat(21), "initials.tooLong"],
    ["김철수", "initials.characters"],
    ["kim.lee", "initials.characters"],
    ["kim_lee", "initials.characters"],
    ["-kim", "initials.edges"],
    ["kim-", "initials.edges"],
    ["ki--m", "initials.doubleHyphen"],
    ["www", "initials.reserved"],
  ])("refuses %j with %s", (input, message) => {
    expect(refusal(input)).toBe(message);
  });

  it("names every Module 4 resource after the initials", () => {
    expect(appServicesNames("kim", "saltware.io")).toEqual({
      record: "kim.saltware.io",
      healthCheck: "kim.saltware.io",
      topic: "kim_route53_health",
      bucket: "kim.saltware.io",
      websiteHost: "kim.saltware.io.s3-website.ap-northeast-2.amazonaws.com",
    });
  });

  it("links to the console's switch-role form for the event's account and role", () => {
    const url = new URL(
      switchRoleUrl({ instructorAccountId: "111122223333", roleName: "awslab_crossaccount_role" }),
    );
    expect(url.origin + url.pathname).toBe("https://signin.aws.amazon.com/switchrole");
    expect(url.searchParams.get("account")).toBe("111122223333");
    expect(url.searchParams.get("roleName")).toBe("awslab_crossaccount_role");
  });
});
