import { describe, expect, it } from "vitest";
import { apiRouteOf, isPublicApiPath, isPublicPage } from "@/lib/auth/access-policy";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import {
  clearedSessionCookieHeader,
  isHttpsRequest,
  readCookie,
  sessionCookieHeader,
  sessionTokenOf,
} from "@/lib/auth/cookie";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/auth/security-headers";

const TOKEN = "A".repeat(43);

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, lives 12 h, and is Secure only over https", () => {
    const plain = sessionCookieHeader(TOKEN, { secure: false, maxAgeSeconds: 43_200 });
    expect(plain).toBe(`cd_session=${TOKEN}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200`);
    expect(sessionCookieHeader(TOKEN, { secure: true, maxAgeSeconds: 43_200 })).toMatch(/; Secure$/);
    expect(clearedSessionCookieHeader({ secure: true })).toBe("__Host-cd_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
  });

  it("is named with the __Host- prefix over https, and only that name is read there", () => {
    expect(sessionCookieHeader(TOKEN, { secure: true, maxAgeSeconds: 60 })).toBe(`__Host-cd_session=${TOKEN}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure`);
    const https = { "x-forwarded-proto": "https" };
    expect(sessionTokenOf(new Headers({ ...https, cookie: `__Host-cd_session=${TOKEN}` }))).toBe(TOKEN);
    expect(sessionTokenOf(new Headers({ cookie: `__Host-cd_session=${TOKEN}` }), "https://desk.example.gr/")).toBe(TOKEN);
    // A plain cd_session over https may have been planted from a sibling sub-domain.
    expect(sessionTokenOf(new Headers({ ...https, cookie: `cd_session=${TOKEN}` }))).toBeUndefined();
    expect(sessionTokenOf(new Headers({ cookie: `__Host-cd_session=${TOKEN}` }), "http://127.0.0.1:3000/")).toBeUndefined();
  });

  it("detects https from the URL or the reverse proxy's X-Forwarded-Proto", () => {
    expect(isHttpsRequest("https://desk.example.gr/", new Headers())).toBe(true);
    expect(isHttpsRequest("http://10.0.0.5/", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest("http://10.0.0.5/", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttpsRequest("http://127.0.0.1:3000/", new Headers())).toBe(false);
  });

  it("reads the token only when it has the shape of one", () => {
    expect(readCookie("a=1; cd_session=xyz; b=2", "cd_session")).toBe("xyz");
    expect(sessionTokenOf(new Headers({ cookie: `locale=el; cd_session=${TOKEN}` }))).toBe(TOKEN);
    expect(sessionTokenOf(new Headers({ cookie: "cd_session=' or 1=1 --" }))).toBeUndefined();
    expect(sessionTokenOf(new Headers({ cookie: `cd_session=${TOKEN}x` }))).toBeUndefined();
    expect(sessionTokenOf(new Headers())).toBeUndefined();
  });
});

describe("security headers", () => {
  it("allow scripts only by this response's nonce, never inline or eval in production", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, development: false, https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce, development: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("gives every request its own 128-bit nonce", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("send HSTS only over https, and always nosniff, DENY and a strict referrer policy", () => {
    expect(staticSecurityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(staticSecurityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
  });
});

describe("API access table", () => {
  it("finds the route of a path, static segments before dynamic ones", () => {
    expect(apiRouteOf("/api/transmissions/export.csv")).toBe("/api/transmissions/export.csv");
    expect(apiRouteOf("/api/transmissions/7f7e")).toBe("/api/transmissions/[id]");
    expect(apiRouteOf("/api/transmissions/7f7e/retry")).toBe("/api/transmissions/[id]/retry");
    expect(apiRouteOf("/api/users/abc/")).toBe("/api/users/[id]");
    expect(apiRouteOf("/api/unknown")).toBeUndefined();
  });

  it("lets through without a session only health, sign-in, sign-out and first-run", () => {
    expect(["/api/health", "/api/auth/login", "/api/auth/logout", "/api/setup"].every(isPublicApiPath)).toBe(true);
    expect(["/api/auth/session", "/api/credit-notes/preview", "/api/users", "/api/unknown"].some(isPublicApiPath)).toBe(false);
    expect(isPublicPage("/login")).toBe(true);
    expect(isPublicPage("/setup/")).toBe(true);
    expect(isPublicPage("/settings/users")).toBe(false);
  });
});

describe("client address for the per-address limit", () => {
  const none = { trustProxy: 0 };
  it("uses the socket address and ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9" }), none)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" }), none)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }), none)).toBe("unknown");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:10.1.2.3" }), none)).toBe("10.1.2.3");
    expect(clientAddress(new Headers(), none)).toBe("unknown");
  });

  it("takes the N-th X-Forwarded-For entry from the right with N trusted proxies", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" });
    expect(clientAddress(headers, { trustProxy: 1 })).toBe("10.0.0.1");
    expect(clientAddress(headers, { trustProxy: 2 })).toBe("198.51.100.7");
    // A client-written entry on the left never wins while it is not N-th from the right.
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), { trustProxy: 1 })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), { trustProxy: 3 })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), { trustProxy: 1 })).toBe("10.0.0.2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "x".repeat(500) }), { trustProxy: 1 })).toHaveLength(64);
  });
});
