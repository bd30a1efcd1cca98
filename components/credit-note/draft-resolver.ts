import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { draftSchema } from "@/lib/validation/draft";
import { lineSchema } from "@/lib/validation/line";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { codedResolver, CODED_ISSUES } from "@/components/form/coded-resolver";

/** The shared draft schema as a resolver. */
const wholeDraft = codedResolver<ComposeValues>(draftSchema);

const LINE_FIELD = /^lines\.(\d+)\./;

/**
 * The compose form's resolver: the shared draft schema — except while a single line field is
 * typed, when react-hook-form asks for that one field's error and only its line is checked
 * (the same `lineSchema` the draft schema applies to every line). With hundreds of lines,
 * checking the whole draft on every keystroke was most of the work of a keystroke.
 *
 * Rules about the whole document (the total must not be 0, the payments must add up) are not
 * per line: they are checked when the step is left (`trigger` names the step's fields), and by
 * the server, which always validates the whole draft.
 */
export const composeResolver: Resolver<ComposeValues> = async (values, context, options) => {
  const names = options.names ?? [];
  const match = names.length === 1 ? LINE_FIELD.exec(names[0] ?? "") : null;
  const index = match ? Number(match[1]) : -1;
  const line = index >= 0 ? values.lines[index] : undefined;
  if (line === undefined) return wholeDraft(values, context, options);

  const parsed = lineSchema.safeParse(line, CODED_ISSUES);
  if (parsed.success) return { values: {}, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues) {
    const path = ["lines", String(index), ...issue.path.map(String)].join(".");
    // The first problem of a field is the one shown, as the whole-draft resolver does.
    flat[path] ??= { type: issue.code, message: issue.message };
  }
  return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<ComposeValues> };
};
