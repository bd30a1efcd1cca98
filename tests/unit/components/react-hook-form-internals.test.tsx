// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { act, cleanup } from "@testing-library/react";
import { renderWithProviders } from "./render";
import { FormProvider, useForm, type UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { releaseDetachedFields } from "@/components/form/release-detached-fields";
import { TextField } from "@/components/form/text-field";
import { useFieldError } from "@/components/form/use-field-error";

afterEach(cleanup);

/**
 * components/form reads three react-hook-form internals (use-field-error.ts: `control._subscribe`
 * and `control._formState`; release-detached-fields.ts: `control._fields` and a field's `_f`).
 * They are not public API: this pins the version they were written for, and exercises each one
 * as those files use it, so an upgrade that changes them fails here rather than in the browser.
 */
describe("react-hook-form internals used by components/form", () => {
  it("are those of the version package.json asks for", () => {
    const installed = JSON.parse(readFileSync("node_modules/react-hook-form/package.json", "utf8")) as { version: string };
    const wanted = (JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> }).dependencies["react-hook-form"];
    expect(installed.version).toBe(wanted);
  });

  it("behave as components/form relies on", async () => {
    let form: UseFormReturn<{ name: string }> | undefined;
    const seen: (string | undefined)[] = [];
    function Shown() {
      const error = useFieldError(form!.control, "name");
      seen.push(error?.message);
      return null;
    }
    function Harness() {
      form = useForm<{ name: string }>({ defaultValues: { name: "" } });
      return <FormProvider {...form}><TextField name="name" label="Επωνυμία" /><Shown /></FormProvider>;
    }
    renderWithProviders(<Harness />);
    const control = form!.control;

    // _subscribe({ name, formState: { errors }, callback }) calls back when that field's error changes, and returns the unsubscribe.
    let calls = 0;
    const unsubscribe = control._subscribe({ name: "name", formState: { errors: true }, callback: () => { calls += 1; } });
    expect(typeof unsubscribe).toBe("function");
    act(() => form!.setError("name", { type: "server", message: "required" }));
    expect(calls).toBeGreaterThan(0);
    // _formState.errors holds the current errors, nested by path.
    expect(control._formState.errors.name?.message).toBe("required");
    expect(seen.at(-1)).toBe("required");
    unsubscribe();

    // _fields: one entry per registered field, whose `_f` holds its name, its element and whether it is mounted.
    const entry = (control._fields as Record<string, { _f: { name: string; ref: unknown; mount?: boolean } }>).name;
    expect(entry?._f.name).toBe("name");
    expect(entry?._f.ref).toBeInstanceOf(HTMLInputElement);
    expect(entry?._f.mount).toBe(true);
    // A mounted field in the page is left alone; a detached, unmounted one gets react-hook-form's own placeholder.
    expect(releaseDetachedFields(control._fields)).toBe(0);
    entry!._f.mount = false;
    (entry!._f.ref as HTMLElement).remove();
    expect(releaseDetachedFields(control._fields)).toBe(1);
    expect(entry?._f.ref).toEqual({ name: "name" });
  });
});
