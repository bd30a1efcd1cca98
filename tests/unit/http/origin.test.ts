import { describe, expect, it } from "vitest";
import { checkOrigin, isStateChanging, ownOrigin } from "@/lib/http/origin";

const URL_HTTP = "http://127.0.0.1:3100/api/credit-notes/preview";

function request(method: string, headers: Record<string, string>, url = URL_HTTP) {
  return { method, url, headers: new Headers(headers) };
}

describe("cross-site request forgery guard", () => {
  it.each<[string, string, Record<string, string>, boolean, string?]>([
    ["same origin", "POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }, true],
    ["same origin, Fetch Metadata same-origin", "POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-origin" }, true],
    ["no Origin, same-origin Referer", "POST", { host: "127.0.0.1:3100", referer: "http://127.0.0.1:3100/credit-notes/new" }, true],
    ["non-browser client (no Origin, Referer or Fetch Metadata)", "POST", { host: "127.0.0.1:3100" }, true],
    ["cross origin", "POST", { host: "127.0.0.1:3100", origin: "http://evil.example" }, false, "foreign_origin"],
    ["other port of the same host", "POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3101" }, false, "foreign_origin"],
    ["Origin: null (sandboxed frame, data: URL)", "POST", { host: "127.0.0.1:3100", origin: "null" }, false, "null_origin"],
    ["Sec-Fetch-Site: cross-site even with a matching Origin", "POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "sec-fetch-site": "cross-site" }, false, "cross_site_fetch"],
    ["Sec-Fetch-Site: cross-site without Origin", "POST", { host: "127.0.0.1:3100", "sec-fetch-site": "cross-site" }, false, "cross_site_fetch"],
    ["Sec-Fetch-Site: same-site (a sibling sub-domain)", "POST", { host: "127.0.0.1:3100", "sec-fetch-site": "same-site" }, false, "cross_site_fetch"],
    ["no Origin, foreign Referer", "POST", { host: "127.0.0.1:3100", referer: "https://evil.example/page" }, false, "foreign_referer"],
    ["garbage Origin", "POST", { host: "127.0.0.1:3100", origin: "not a url" }, false, "unparsable_origin"],
    ["PUT cross origin", "PUT", { host: "127.0.0.1:3100", origin: "http://evil.example" }, false, "foreign_origin"],
    ["PATCH cross origin", "PATCH", { host: "127.0.0.1:3100", origin: "http://evil.example" }, false, "foreign_origin"],
    ["DELETE with Origin null", "DELETE", { host: "127.0.0.1:3100", origin: "null" }, false, "null_origin"],
    ["GET cross origin is not a state change", "GET", { host: "127.0.0.1:3100", origin: "http://evil.example", "sec-fetch-site": "cross-site" }, true],
    ["HEAD with Origin null", "HEAD", { host: "127.0.0.1:3100", origin: "null" }, true],
    ["OPTIONS preflight from elsewhere", "OPTIONS", { host: "127.0.0.1:3100", origin: "http://evil.example" }, true],
  ])("%s → %s", (_name, method, headers, ok, reason) => {
    const verdict = checkOrigin(request(method, headers));
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toBe(reason);
  });

  it("never believes X-Forwarded-Host: a client can write it to match its own page", () => {
    const forged = { host: "127.0.0.1:3100", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" };
    expect(checkOrigin(request("POST", forged))).toEqual({ ok: false, reason: "foreign_origin" });
    expect(ownOrigin(URL_HTTP, new Headers(forged))).toEqual({ protocol: "http", host: "127.0.0.1:3100" });
  });

  it("compares with the configured public URL (APP_URL) behind a reverse proxy, exactly", () => {
    const appUrl = "https://desk.example.gr";
    const behindProxy = { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", origin: "https://desk.example.gr" };
    expect(checkOrigin(request("POST", behindProxy, "http://10.0.0.5:3000/api/x"), { appUrl }).ok).toBe(true);
    expect(checkOrigin(request("POST", { ...behindProxy, origin: "https://10.0.0.5:3000" }, "http://10.0.0.5:3000/api/x"), { appUrl }).ok).toBe(false);
    expect(checkOrigin(request("POST", { ...behindProxy, origin: "https://evil.example" }, "http://10.0.0.5:3000/api/x"), { appUrl }).ok).toBe(false);
    expect(checkOrigin(request("POST", { ...behindProxy, origin: "http://desk.example.gr" }, "http://10.0.0.5:3000/api/x"), { appUrl }).ok).toBe(false);
    expect(checkOrigin(request("POST", { host: "10.0.0.5:3000", referer: "https://desk.example.gr/settings" }, "http://10.0.0.5:3000/api/x"), { appUrl }).ok).toBe(true);
  });

  it("accepts an https page behind a proxy that did not say https, never an http page for an https origin", () => {
    expect(checkOrigin(request("POST", { host: "desk.example.gr", origin: "https://desk.example.gr" }, "http://desk.example.gr/api/x")).ok).toBe(true);
    expect(checkOrigin(request("POST", { host: "desk.example.gr", origin: "http://desk.example.gr" }, "https://desk.example.gr/api/x")).ok).toBe(false);
  });

  it("treats default ports and letter case as the same origin", () => {
    expect(ownOrigin("https://desk.example.gr/x", new Headers({ host: "Desk.Example.GR:443" }))).toEqual({ protocol: "https", host: "desk.example.gr" });
    expect(checkOrigin(request("POST", { host: "desk.example.gr:443", origin: "https://DESK.example.gr" }, "https://desk.example.gr/api/x")).ok).toBe(true);
  });

  it("knows which methods change state", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND"].map(isStateChanging)).toEqual([true, true, true, true, true, true]);
    expect(["GET", "HEAD", "OPTIONS", "get"].map(isStateChanging)).toEqual([false, false, false, false]);
  });
});
