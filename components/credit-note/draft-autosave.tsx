"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { ApiError } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { saveDraftSnapshot } from "./compose-api";
import { dropLocalCopy, keepLocalCopy } from "./local-draft-copy";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; reason: string };

const DEBOUNCE_MS = 700;
const RETRY_MS = 5_000;

/** What a save would write, as text: two equal snapshots need no second save. */
function snapshotOf(values: ComposeValues, step: number): string {
  return JSON.stringify({ values, step });
}

/**
 * Saves the draft on the server as the clerk types: debounced, only when something changed,
 * one save at a time (a change typed during a save is saved after it, never overtaken by it),
 * retried after a failure, and once more (keepalive) when the tab is hidden or closed.
 *
 * A keystroke only moves the debounce deadline (one number; the timer, once armed, re-arms
 * itself until the deadline has passed): this component does not render on keystrokes, and the
 * draft is read and serialised once per save, not once per change — with hundreds of lines,
 * that is what keeps typing fast. It talks to the network only; it never writes form values.
 *
 * A failed save is never silent: `onFailure` gets the reason (the server's words, e.g. which
 * field is over which limit) for a banner that stays until a save succeeds, the draft is kept in
 * this browser meanwhile (local-draft-copy.ts), and leaving the page asks first.
 */
export function DraftAutosave({ step, enabled, onFailure }: { step: number; enabled: boolean; onFailure?: (reason: string | null) => void }) {
  const locale = useLocale();
  const { getValues, subscribe } = useFormContext<ComposeValues>();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const current = useRef({ step, locale, enabled });
  const lastSaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dueAt = useRef(0);
  const saving = useRef(false);
  const pending = useRef(false);
  /** The last save failed: the server's copy is behind what the clerk sees. */
  const failing = useRef(false);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const save = useCallback(async (): Promise<void> => {
    cancel();
    const { step: atStep, locale: inLocale, enabled: on } = current.current;
    if (!on) return;
    if (saving.current) {
      pending.current = true;
      return;
    }
    const values = getValues();
    const snapshot = snapshotOf(values, atStep);
    if (snapshot === lastSaved.current) return;
    saving.current = true;
    setState({ kind: "saving" });
    try {
      await saveDraftSnapshot(values, atStep, inLocale);
      lastSaved.current = snapshot;
      failing.current = false;
      dropLocalCopy(values.id);
      setState({ kind: "saved", at: new Date() });
    } catch (error) {
      const reason = error instanceof ApiError && error.status !== 0 ? error.message : clerkT("autosave.unreachable", inLocale);
      failing.current = true;
      keepLocalCopy(values, atStep);
      setState({ kind: "error", reason });
      timer.current = setTimeout(() => void save(), RETRY_MS);
      return;
    } finally {
      saving.current = false;
    }
    if (pending.current) {
      pending.current = false;
      timer.current = setTimeout(() => void save(), 0);
    }
  }, [getValues, cancel]);

  const schedule = useCallback(() => {
    dueAt.current = Date.now() + DEBOUNCE_MS;
    if (timer.current !== undefined) return;
    const wait = (ms: number) => {
      timer.current = setTimeout(() => {
        const left = dueAt.current - Date.now();
        if (left > 0) wait(left);
        else void save();
      }, ms);
    };
    wait(DEBOUNCE_MS);
  }, [save]);

  useEffect(() => {
    // The draft as it was opened counts as saved: opening it does not write it again.
    // Once, on mount (the ref keeps it from being taken again).
    lastSaved.current ??= snapshotOf(getValues(), current.current.step);
  }, [getValues]);

  useEffect(() => {
    current.current = { step, locale, enabled };
    if (enabled) schedule();
    else cancel();
  }, [step, locale, enabled, schedule, cancel]);

  useEffect(() => subscribe({ formState: { values: true }, callback: schedule }), [subscribe, schedule]);

  useEffect(() => {
    const flush = () => {
      const { step: atStep, locale: inLocale, enabled: on } = current.current;
      if (!on) return;
      const values = getValues();
      const snapshot = snapshotOf(values, atStep);
      if (snapshot === lastSaved.current) return;
      cancel();
      if (failing.current) {
        // The server refused the last save: this one would fail alike; the browser keeps the copy.
        keepLocalCopy(values, atStep);
        return;
      }
      lastSaved.current = snapshot;
      void saveDraftSnapshot(values, atStep, inLocale, true).catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      cancel();
    };
  }, [getValues, cancel]);

  const failedReason = state.kind === "error" ? state.reason : null;
  useEffect(() => {
    onFailure?.(failedReason);
  }, [failedReason, onFailure]);

  useEffect(() => {
    if (failedReason === null) return;
    const message = clerkT("autosave.leave", current.current.locale);
    // Closing or reloading the tab: the browser's own question.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
    };
    // A link inside the dashboard (client navigation, no unload): asked here.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link === null || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [failedReason]);

  const text = state.kind === "saving"
    ? composeT("wizard.saving", locale)
    : state.kind === "saved"
      ? composeT("wizard.saved", locale, { time: state.at.toLocaleTimeString(locale === "el" ? "el-GR" : "en-GB", { timeZone: "Europe/Athens" }) })
      : state.kind === "error" ? composeT("wizard.saveFailed", locale) : "";
  return <p role="status" data-testid="autosave-status" data-state={state.kind} className="min-h-4 text-xs text-slate-500">{text}</p>;
}
