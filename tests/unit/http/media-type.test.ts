import { describe, expect, it } from "vitest";
import { isJsonMediaType, parseMediaType } from "@/lib/http/media-type";

describe("Content-Type parsing", () => {
  it.each([
    "application/json",
    "Application/JSON",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    'application/json; charset="utf-8"',
    "application/json ; charset=utf-8",
  ])("accepts %j as JSON", (header) => {
    expect(isJsonMediaType(header)).toBe(true);
  });

  it.each([
    "text/plain; x=application/json",
    "text/plain;application/json",
    'text/plain; x="application/json"',
    "application/json-patch+json",
    "application/jsonx",
    "xapplication/json",
    "application/json; charset=iso-8859-7",
    "application/json; garbage",
    "application/json, text/plain",
    "application /json",
    "multipart/form-data; boundary=application/json",
    "",
    null,
    undefined,
  ])("refuses %j", (header) => {
    expect(isJsonMediaType(header)).toBe(false);
  });

  it("reads the essence and parameters", () => {
    expect(parseMediaType('Text/Plain; Charset="utf-8"; q=1')).toEqual({ essence: "text/plain", parameters: { charset: "utf-8", q: "1" } });
  });
});
