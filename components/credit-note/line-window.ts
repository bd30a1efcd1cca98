"use client";

import { createContext } from "react";

/**
 * From how many lines on a line out of view is drawn as a summary (its description and amounts)
 * instead of its thirteen controls. Below this the page stays small and every line keeps its
 * controls, so a short note behaves exactly as before.
 */
export const SUMMARISE_FROM_LINES = 41;

/** How many lines either side of the focused one keep their controls, so Tab and Shift+Tab always find the next line's. */
export const FOCUS_NEIGHBOURS = 2;

/**
 * Which line the keyboard is in. Lines near it keep their controls even while out of view: the
 * focused control must never be unmounted under the user, and Tab moves into the next line
 * before that line is scrolled into view.
 *
 * Why summaries at all: Chromium skips the layout and paint of a line out of view
 * (`content-visibility: auto`), but every rendered frame still costs time for each control on the
 * page, seen or not; a 300-line note has 3,900 of them. Measured in `docs/BENCHMARKS.md`.
 */
export class LineWindow {
  private focused = -1;
  private revealed = -1;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  isNearFocus(index: number): boolean {
    return this.focused >= 0 && Math.abs(index - this.focused) <= FOCUS_NEIGHBOURS;
  }

  /** Called as focus enters a line: that line and its neighbours keep their controls. */
  focus(index: number): void {
    if (index !== this.revealed) this.revealed = -1;
    if (index === this.focused) return;
    this.focused = index;
    for (const listener of [...this.listeners]) listener();
  }

  /** Draws a line showing its summary and asks it to put the keyboard on its first field in error once drawn. */
  reveal(index: number): void {
    this.revealed = index;
    this.focus(index);
  }

  /** Whether a line just drawn was revealed and should take the keyboard; answers yes once. */
  takeReveal(index: number): boolean {
    if (index !== this.revealed) return false;
    this.revealed = -1;
    return true;
  }
}

/** The compose wizard's line window; null outside it (a line then always keeps its controls). */
export const LineWindowContext = createContext<LineWindow | null>(null);

/** Whether a line shows its controls: always in a short note; in a long one while in view or near the keyboard. */
export function drawsControls(lineCount: number, skipped: boolean, nearFocus: boolean): boolean {
  return lineCount < SUMMARISE_FROM_LINES || !skipped || nearFocus;
}

/** The first line with an error, in line order; -1 when no line has one. */
export function firstLineWithError(lineErrors: unknown): number {
  if (!Array.isArray(lineErrors)) return -1;
  for (let index = 0; index < lineErrors.length; index += 1) if (lineErrors[index]) return index;
  return -1;
}
