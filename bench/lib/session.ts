/**
 * A signed-in API client of the dashboard: the session cookie from `POST /api/auth/login`
 * on every call, JSON in and out, no Origin header (so mutating calls pass the origin guard).
 */
import type http from "node:http";
import { httpRequest, jsonOf, type HttpAnswer } from "./http";

export interface Credentials {
  email: string;
  password: string;
}

export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    private readonly agent: http.Agent | undefined,
  ) {}

  /** Signs in; throws unless the dashboard answers 200 with a session cookie. */
  static async signIn(baseUrl: string, credentials: Credentials, agent?: http.Agent): Promise<ApiSession> {
    const answer = await httpRequest(`${baseUrl}/api/auth/login`, { method: "POST", body: credentials, ...(agent ? { agent } : {}) });
    if (answer.status !== 200) throw new Error(`sign-in of ${credentials.email} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    const setCookie = answer.headers["set-cookie"] ?? [];
    const cookie = setCookie.map((line) => line.split(";")[0] ?? "").filter((pair) => pair.includes("=")).join("; ");
    if (cookie === "") throw new Error("sign-in answered 200 without a session cookie");
    return new ApiSession(baseUrl, cookie, agent);
  }

  /** The cookie as Playwright wants it, for a browser context of the same session. */
  browserCookies(): { name: string; value: string; url: string }[] {
    return this.cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: this.baseUrl };
    });
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return httpRequest(`${this.baseUrl}${path}`, {
      method, body, headers: { cookie: this.cookie, accept: "application/json", ...headers }, ...(this.agent ? { agent: this.agent } : {}),
    });
  }

  /** GET or POST expecting one of `ok` statuses; the parsed JSON body. */
  async json<T>(method: string, path: string, body?: unknown, ok: number[] = [200, 201, 202]): Promise<T> {
    const answer = await this.request(method, path, body);
    if (!ok.includes(answer.status)) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    return jsonOf<T>(answer, `${method} ${path}`);
  }
}
