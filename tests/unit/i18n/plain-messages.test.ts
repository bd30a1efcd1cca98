import { describe, expect, it } from "vitest";
import { draftAgeDays, OLD_DRAFT_DAYS } from "@/components/credit-note/drafts-list";
import { assignedWords, exemptionWords, outcomeWords, plainMessages, plainT, problemWords } from "@/lib/i18n/plain-messages";
import { secureErrorMessages, secureUiMessages, secureValidationMessages } from "@/lib/i18n/secure-messages";

/** Words a developer reads, never a clerk: they belong behind "Technical details". */
const TECHNICAL = [/HTTP/, /ECONN/i, /latencyMs/, /\bambiguous\b/, /DistributionDetails/, /\/Invoice\//, /\bnull\b/, /\bundefined\b/];

describe("plain words", () => {
  it("has every message in Greek and English, none of them technical", () => {
    for (const catalogue of [plainMessages, secureUiMessages, secureValidationMessages, secureErrorMessages]) {
      for (const [key, words] of Object.entries(catalogue)) {
        expect(words.el.trim(), key).not.toBe("");
        expect(words.en.trim(), key).not.toBe("");
        expect(words.el, key).not.toBe(words.en);
        // The technical-details labels name what they hold; everything else is clerk language.
        if (key.startsWith("details.")) continue;
        for (const pattern of TECHNICAL) {
          expect(words.el, `${key} el`).not.toMatch(pattern);
          expect(words.en, `${key} en`).not.toMatch(pattern);
        }
      }
    }
  });

  it("says an exemption reason in words, with its code after it", () => {
    expect(exemptionWords(5, "el")).toBe("Χωρίς ΦΠΑ - άρθρο 21 του Κώδικα ΦΠΑ (5)");
    expect(exemptionWords("5", "en")).toBe("Without VAT – article 21 of the VAT Code (5)");
    expect(exemptionWords(null, "el")).toBe("—");
    expect(exemptionWords(99, "el")).toBe("99");
  });

  it("turns provider outcome kinds and recorded problems into clerk language", () => {
    expect(outcomeWords("ambiguous", "en")).toBe("not known whether it arrived");
    expect(outcomeWords("unavailable", "el")).toBe("ο πάροχος δεν ήταν διαθέσιμος");
    expect(outcomeWords("something_new", "en")).toBe("something_new");
    expect(outcomeWords(null, "en")).toBe("—");
    expect(problemWords("ambiguous", "en")).toMatch(/^We do not know yet whether the provider received the document/);
    expect(problemWords("rejected", "el")).toMatch(/Διόρθωση & επαναποστολή/);
    expect(problemWords("weird", "en")).toBe(plainT("problem.other", "en"));
  });

  it("names what issuing fills in without the provider's field paths", () => {
    expect(assignedWords(["DistributionDetails.InternalDocumentId", "Number", "DateIssued"], "en")).toBe("the internal id, the number (the series' next), the issue date and time");
    expect(assignedWords(["DistributionDetails.InternalDocumentId"], "el")).toBe("το εσωτερικό αναγνωριστικό");
  });

  it("ages drafts in whole days and calls them old after a month", () => {
    expect(draftAgeDays("2026-12-06T08:00:00.000Z", "2026-12-06T20:00:00.000Z")).toBe(0);
    expect(draftAgeDays("2026-11-01T08:00:00.000Z", "2026-12-06T20:00:00.000Z")).toBe(35);
    expect(draftAgeDays("2026-12-07T08:00:00.000Z", "2026-12-06T20:00:00.000Z")).toBe(0);
    expect(OLD_DRAFT_DAYS).toBe(30);
  });
});
