import { describe, expect, it } from "vitest";
import { redactText } from "@/lib/log/redact";

const KEY = "canary-0123456789abcdef";

describe("log redaction", () => {
  it.each([
    [`provider answered 401 for key ${KEY}`, `provider answered 401 for key [redacted]`],
    [`GET /x?k=${encodeURIComponent(`${KEY}/+`)}`, "GET /x?k=[redacted]"],
    ["Cookie: cd_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; locale=el", "Cookie: [redacted]; locale=el"],
    ["set-cookie=cd_session=abc", "set-cookie=[redacted]"],
    ["sent cd_session=abcdef to the client", "sent cd_session=[redacted] to the client"],
    ["any other_session_id=abcdef too", "any other_session_id=[redacted] too"],
    ['{"APIKey":"whatever","ok":1}', '{"APIKey":"[redacted]","ok":1}'],
    ['{"password":"hunter22","email":"a@b.gr"}', '{"password":"[redacted]","email":"a@b.gr"}'],
    ["Authorization: Bearer eyJhbGciOi.abc.def", "Authorization: [redacted]"],
    ["token Bearer eyJhbGciOi.abc.def here", "token Bearer [redacted] here"],
  ])("%s", (input, expected) => {
    expect(redactText(input, [`${KEY}/+`, KEY])).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    expect(redactText("validation failed on lines.0.unitPrice", [KEY])).toBe("validation failed on lines.0.unitPrice");
  });
});
