import { describe, expect, it, vi } from "vitest";
import { drawsControls, FOCUS_NEIGHBOURS, firstLineWithError, LineWindow, SUMMARISE_FROM_LINES } from "@/components/credit-note/line-window";

describe("LineWindow", () => {
  it("keeps the focused line and two either side near the keyboard, none before any focus", () => {
    const window = new LineWindow();
    expect(window.isNearFocus(0)).toBe(false);
    window.focus(30);
    expect(FOCUS_NEIGHBOURS).toBe(2);
    expect([27, 28, 29, 30, 31, 32, 33].map((index) => window.isNearFocus(index))).toEqual([false, true, true, true, true, true, false]);
  });

  it("tells its subscribers when the keyboard moves to another line, not when it stays", () => {
    const window = new LineWindow();
    const listener = vi.fn();
    const unsubscribe = window.subscribe(listener);
    window.focus(3);
    window.focus(3);
    window.focus(4);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    window.focus(9);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("a revealed line takes the keyboard once; focus elsewhere first cancels the request", () => {
    const window = new LineWindow();
    window.reveal(44);
    expect(window.isNearFocus(44)).toBe(true);
    expect(window.takeReveal(43)).toBe(false);
    expect(window.takeReveal(44)).toBe(true);
    expect(window.takeReveal(44)).toBe(false);

    window.reveal(10);
    window.focus(10); // the revealed line's own field taking focus keeps the request
    window.focus(2);
    expect(window.takeReveal(10)).toBe(false);
  });
});

describe("drawsControls", () => {
  it("draws every line of a short note; in a long one, lines in view or near the keyboard", () => {
    expect(drawsControls(SUMMARISE_FROM_LINES - 1, true, false)).toBe(true);
    expect(drawsControls(SUMMARISE_FROM_LINES, true, false)).toBe(false);
    expect(drawsControls(300, false, false)).toBe(true);
    expect(drawsControls(300, true, true)).toBe(true);
    expect(drawsControls(300, true, false)).toBe(false);
  });
});

describe("firstLineWithError", () => {
  it("finds the first line with an error in a sparse error array", () => {
    const errors: unknown[] = [];
    errors[44] = { unitPrice: { message: "required" } };
    errors[7] = { description: { message: "required" } };
    expect(firstLineWithError(errors)).toBe(7);
    expect(firstLineWithError([])).toBe(-1);
    expect(firstLineWithError(undefined)).toBe(-1);
    expect(firstLineWithError({ message: "too_few_lines" })).toBe(-1);
  });
});
