import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, requestJson } from "@/components/ui/fetch-json";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Answers every fetch with `response` and keeps what was asked. */
function answerWith(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }));
  return calls;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("requestJson", () => {
  it("sends JSON in the viewer's language with the session cookie and returns the parsed answer", async () => {
    const calls = answerWith(() => new Response(JSON.stringify({ id: "a1" }), { status: 201 }));
    const answer = await requestJson<{ id: string }>("/api/series", { method: "POST", body: { code: "A" }, locale: "en", headers: { "Idempotency-Key": "k" } });
    expect(answer).toEqual({ id: "a1" });
    const [call] = calls;
    expect(call?.url).toBe("/api/series");
    expect(call?.init.method).toBe("POST");
    expect(call?.init.body).toBe('{"code":"A"}');
    expect(call?.init.credentials).toBe("same-origin");
    expect(call?.init.headers).toMatchObject({ Accept: "application/json", "Accept-Language": "en", "Content-Type": "application/json", "Idempotency-Key": "k" });
  });

  it("turns a refusal into an ApiError with status, code, message and correlation id", async () => {
    answerWith(() => new Response(JSON.stringify({ error: { code: "conflict", message: "Η σειρά υπάρχει ήδη." }, correlationId: "c-409" }), { status: 409 }));
    const error = await failureOf(requestJson("/api/series", { method: "POST", body: {}, locale: "el" }));
    expect({ status: error.status, code: error.code, message: error.message, correlationId: error.correlationId, fieldErrors: error.fieldErrors })
      .toEqual({ status: 409, code: "conflict", message: "Η σειρά υπάρχει ήδη.", correlationId: "c-409", fieldErrors: [] });
  });

  it("keeps the field errors of a 422, words the message from them, and reads the correlation id from the header when the body has none", async () => {
    const errors = [{ path: "code", code: "required", message: "code: is required" }, { path: "nextNumber", code: "too_small", message: "next number: too small" }];
    answerWith(() => new Response(JSON.stringify({ errors }), { status: 422, headers: { "X-Correlation-Id": "c-422" } }));
    const error = await failureOf(requestJson("/api/series", { method: "POST", body: {}, locale: "en" }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual(errors);
    expect(error.message).toBe("code: is required · next number: too small");
    expect(error.correlationId).toBe("c-422");
  });

  it("says the fallback when the server said nothing usable, and status 0 when it could not be reached", async () => {
    answerWith(() => new Response("<html>bad gateway</html>", { status: 502 }));
    const silent = await failureOf(requestJson("/api/users", { locale: "en", fallbackMessage: "Sign-in failed. Please try again." }));
    expect([silent.status, silent.message]).toEqual([502, "Sign-in failed. Please try again."]);

    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("Failed to fetch"); }));
    const offline = await failureOf(requestJson("/api/users", { locale: "el" }));
    expect([offline.status, offline.message]).toEqual([0, "Δεν υπάρχει σύνδεση με τον διακομιστή."]);
  });
});
