"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Danger styling for destructive confirmations (delete). */
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside, Escape cancels,
 * and focus returns to where it was when it closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, destructive, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // showModal/close are imperative DOM calls; this keeps the element in step with `open`.
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onCancel(); }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40">
      <h2 id={titleId} className="mb-3 text-base font-semibold">{title}</h2>
      {children && <div className="mb-4 text-sm">{children}</div>}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} autoFocus>{cancelLabel}</Button>
        <Button variant={destructive ? "danger" : "primary"} onClick={onConfirm}>{confirmLabel}</Button>
      </div>
    </dialog>
  );
}
