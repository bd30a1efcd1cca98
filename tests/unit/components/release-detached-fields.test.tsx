// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { FormProvider, useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { releaseDetachedFields } from "@/components/form/release-detached-fields";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { renderWithProviders } from "./render";

afterEach(cleanup);

interface Values {
  lines: { description: string; unit: string }[];
}

/** Every description is required: the rule lives in the resolver, as the wizard's do. */
const resolver: Resolver<Values> = async (values) => {
  const errors: Record<string, unknown> = {};
  values.lines.forEach((line, index) => {
    if (line.description.trim() === "") errors.lines = { ...(errors.lines as object), [index]: { description: { type: "required", message: "required" } } };
  });
  return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: errors as never };
};

const UNITS = [{ value: "1", label: "Τεμάχια" }, { value: "2", label: "Κιλά" }];

/** Two lines; the second one's controls can be taken away and drawn again, as a summarised line's are. */
function Harness({ onForm, onShow }: { onForm: (form: UseFormReturn<Values>) => void; onShow: (show: (drawn: boolean) => void) => void }) {
  const form = useForm<Values>({ resolver, defaultValues: { lines: [{ description: "Πρώτο", unit: "1" }, { description: "Δεύτερο", unit: "2" }] } });
  const [drawn, setDrawn] = useState(true);
  onForm(form);
  onShow(setDrawn);
  return (
    <FormProvider {...form}>
      {[0, 1].map((index) => (
        <fieldset key={index} data-line={index}>
          {(index === 0 || drawn) && (
            <>
              <TextField name={`lines.${index}.description`} label={`Περιγραφή ${index + 1}`} />
              <SelectField name={`lines.${index}.unit`} label={`Μονάδα ${index + 1}`} options={UNITS} />
            </>
          )}
        </fieldset>
      ))}
    </FormProvider>
  );
}

function renderHarness() {
  let form: UseFormReturn<Values> | undefined;
  let show: ((drawn: boolean) => void) | undefined;
  renderWithProviders(<Harness onForm={(f) => { form = f; }} onShow={(s) => { show = s; }} />);
  const refOf = (name: string): unknown => {
    const [, index = "", field = ""] = name.split(".");
    const fields = form!.control._fields as unknown as { lines: Record<string, Record<string, { _f: { ref: unknown; mount?: boolean } }>> };
    return fields.lines[index]?.[field]?._f.ref;
  };
  return { form: () => form!, setDrawn: async (drawn: boolean) => act(async () => { show!(drawn); }), refOf };
}

describe("fields taken out of the page", () => {
  it("are not kept alive by the form, and keep their value, their error and their next element", async () => {
    const { form, setDrawn, refOf } = renderHarness();
    const second = screen.getByLabelText("Περιγραφή 2") as HTMLInputElement;
    const secondUnit = screen.getByLabelText("Μονάδα 2") as HTMLSelectElement;
    expect(refOf("lines.1.description")).toBe(second);
    fireEvent.change(second, { target: { value: "" } });
    fireEvent.change(secondUnit, { target: { value: "1" } });

    await setDrawn(false);
    expect(second.isConnected).toBe(false);
    // What react-hook-form holds for a field registered but not drawn: a placeholder, not the element.
    expect(refOf("lines.1.description")).toEqual({ name: "lines.1.description" });
    expect(refOf("lines.1.unit")).toEqual({ name: "lines.1.unit" });
    // The line still drawn keeps its elements.
    expect(refOf("lines.0.description")).toBe(screen.getByLabelText("Περιγραφή 1"));
    expect(form().getValues("lines.1")).toEqual({ description: "", unit: "1" });

    // The rules still apply to the line out of the page.
    let valid = true;
    await act(async () => { valid = await form().trigger(); });
    expect(valid).toBe(false);
    expect(form().getFieldState("lines.1.description").error?.message).toBe("required");

    // Drawn again: new elements, filled from the form, and typing reaches the form.
    await setDrawn(true);
    const again = screen.getByLabelText("Περιγραφή 2") as HTMLInputElement;
    expect(again).not.toBe(second);
    expect(refOf("lines.1.description")).toBe(again);
    expect(again.value).toBe("");
    expect((screen.getByLabelText("Μονάδα 2") as HTMLSelectElement).value).toBe("1");
    expect(again.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(again, { target: { value: "Δεύτερο ξανά" } });
    expect(form().getValues("lines.1.description")).toBe("Δεύτερο ξανά");
    await act(async () => { valid = await form().trigger(); });
    expect(valid).toBe(true);
  });
});

describe("releaseDetachedFields", () => {
  it("releases only unmounted fields whose element has left the page, at any depth", () => {
    const inPage = document.body.appendChild(document.createElement("input"));
    const gone = document.createElement("input");
    const goneButMounted = document.createElement("input");
    const fields = {
      a: { _f: { name: "a", mount: false, ref: gone } },
      b: { _f: { name: "b", mount: false, ref: inPage } },
      c: { _f: { name: "c", mount: true, ref: goneButMounted } },
      lines: [{ x: { _f: { name: "lines.0.x", mount: false, ref: document.createElement("select") } } }, undefined],
      d: { _f: { name: "d", ref: { name: "d" } } },
    };
    expect(releaseDetachedFields(fields)).toBe(2);
    expect(fields.a._f.ref).toEqual({ name: "a" });
    expect(fields.b._f.ref).toBe(inPage);
    expect(fields.c._f.ref).toBe(goneButMounted);
    expect(fields.lines[0]!.x._f.ref).toEqual({ name: "lines.0.x" });
    expect(fields.d._f.ref).toEqual({ name: "d" });
    inPage.remove();
  });
});
