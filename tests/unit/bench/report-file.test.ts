import { describe, expect, it } from "vitest";
import { replaceSection, SECTIONS, sectionBody, templateDocument } from "@/bench/lib/report-file";

describe("docs/BENCHMARKS.md sections", () => {
  it("the template has every section once, in order, with the notes last", () => {
    const doc = templateDocument();
    const positions = SECTIONS.map((name) => doc.indexOf(`<!-- section:${name}:start -->`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(doc).toContain("## How to reproduce");
  });

  it("a run rewrites its own section and keeps the others, hand-written notes included", () => {
    let doc = replaceSection(templateDocument(), "notes", "## Notes\n\nkept by hand");
    doc = replaceSection(doc, "history", "## History\n\nfirst run");
    doc = replaceSection(doc, "drill-sqlite", "## Drill\n\n0 lost");
    doc = replaceSection(doc, "history", "## History\n\nsecond run");
    expect(sectionBody(doc, "history")).toBe("## History\n\nsecond run");
    expect(sectionBody(doc, "drill-sqlite")).toBe("## Drill\n\n0 lost");
    expect(sectionBody(doc, "notes")).toBe("## Notes\n\nkept by hand");
    expect(doc.match(/section:history:start/g)).toHaveLength(1);
  });

  it("a section missing from an older document is added before the notes", () => {
    const doc = "# Benchmarks\n\n<!-- section:notes:start -->\nnotes\n<!-- section:notes:end -->\n";
    const updated = replaceSection(doc, "keystroke", "## Keystrokes");
    expect(updated.indexOf("section:keystroke:start")).toBeLessThan(updated.indexOf("section:notes:start"));
    expect(sectionBody(updated, "notes")).toBe("notes");
    expect(sectionBody("no sections here", "history")).toBeUndefined();
  });
});
