"use client";

import { useEffect, useRef, useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { composeT } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { saveDraftSnapshot } from "./compose-api";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error" };

const DEBOUNCE_MS = 700;
const RETRY_MS = 5_000;

/**
 * Saves the draft on the server as the clerk types: debounced, only when something changed,
 * retried after a failure, and once more (keepalive) when the tab is hidden or closed. The
 * effect here talks to the network only; it never writes form values.
 */
export function DraftAutosave({ control, getValues, step, locale, enabled }: {
  control: Control<ComposeValues>;
  getValues: () => ComposeValues;
  step: number;
  locale: Locale;
  enabled: boolean;
}) {
  const watched = useWatch({ control });
  const snapshot = JSON.stringify({ watched, step });
  const lastSaved = useRef(snapshot);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [retry, setRetry] = useState(0);

  useEffect(() => {
    if (!enabled || snapshot === lastSaved.current) return;
    const timer = setTimeout(async () => {
      setState({ kind: "saving" });
      const values = getValues();
      try {
        await saveDraftSnapshot(values, step, locale);
        lastSaved.current = snapshot;
        setState({ kind: "saved", at: new Date() });
      } catch {
        setState({ kind: "error" });
        setTimeout(() => setRetry((n) => n + 1), RETRY_MS);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [snapshot, enabled, step, locale, getValues, retry]);

  useEffect(() => {
    if (!enabled) return;
    const flush = () => {
      if (snapshot === lastSaved.current) return;
      lastSaved.current = snapshot;
      void saveDraftSnapshot(getValues(), step, locale, true).catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [snapshot, enabled, step, locale, getValues]);

  const text = state.kind === "saving"
    ? composeT("wizard.saving", locale)
    : state.kind === "saved"
      ? composeT("wizard.saved", locale, { time: state.at.toLocaleTimeString(locale === "el" ? "el-GR" : "en-GB", { timeZone: "Europe/Athens" }) })
      : state.kind === "error" ? composeT("wizard.saveFailed", locale) : "";
  return <p role="status" data-testid="autosave-status" data-state={state.kind} className="min-h-4 text-xs text-slate-500">{text}</p>;
}
