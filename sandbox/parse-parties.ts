/** Provider-level checks of Issuer and CounterParty. */
import { normaliseVat } from "./afm";
import { COUNTERPARTY_REQUIRED_TYPES } from "./codes";
import { getField, getObject, joinPath } from "./json-fields";
import { readCount, readText, reportInvalid, reportMissing, type ParseContext } from "./parse-fields";
import type { ParsedParty } from "./types";

const GREEK_AFM_MESSAGE = "Invalid Counterparty VAT Number (AFM) for Country Code -GR-";

interface PartyRules {
  nameRequired: boolean;
  countryRequired: boolean;
}

function parseParty(ctx: ParseContext, party: unknown, path: string, rules: PartyRules): ParsedParty | null {
  const vat = readText(ctx, party, path, "Vat", { required: true });
  const name = readText(ctx, party, path, "RegisteredName", { required: rules.nameRequired });
  const branch = readCount(ctx, party, path, "BranchCode") ?? 0;
  const addressPath = joinPath(path, "Address");
  const address = getObject(party, "Address");
  if (address === undefined && rules.countryRequired) {
    reportMissing(ctx, joinPath(addressPath, "CountryCode"));
  }
  const countryCode = readText(ctx, address, addressPath, "CountryCode", { required: rules.countryRequired && address !== undefined });
  if (vat === null) return null;
  return {
    vat,
    afm: normaliseVat(vat),
    name: name ?? "",
    branch,
    countryCode: (countryCode ?? "").toUpperCase(),
    street: [readText(ctx, address, addressPath, "Street"), readText(ctx, address, addressPath, "Number")]
      .filter((part): part is string => part !== null)
      .join(" "),
    city: readText(ctx, address, addressPath, "City") ?? "",
    postalCode: readText(ctx, address, addressPath, "Postal", { aliases: ["PostalCode"] }) ?? "",
  };
}

export function parseIssuer(ctx: ParseContext, doc: unknown): ParsedParty | null {
  const issuer = getObject(doc, "Issuer");
  if (issuer === undefined) {
    reportMissing(ctx, "Issuer");
    return null;
  }
  return parseParty(ctx, issuer, "Issuer", { nameRequired: true, countryRequired: true });
}

/**
 * CounterParty is mandatory on B2B types. A Greek counterparty's AFM must be 8 or 9 digits
 * once an EL/GR prefix is removed (provider rule 3); other countries are not checked here.
 */
export function parseCounterparty(ctx: ParseContext, doc: unknown, invoiceType: string | null): ParsedParty | null {
  const raw = getField(doc, "CounterParty", "Counterpart");
  const required = invoiceType !== null && COUNTERPARTY_REQUIRED_TYPES.has(invoiceType);
  if (raw === undefined || raw === null) {
    if (required) reportMissing(ctx, "CounterParty", ` It is mandatory for invoice type ${invoiceType ?? ""}.`);
    return null;
  }
  const party = parseParty(ctx, raw, "CounterParty", { nameRequired: false, countryRequired: false });
  if (party !== null && party.countryCode === "GR" && !/^\d{8,9}$/.test(party.afm)) {
    reportInvalid(ctx, "CounterParty.Vat", GREEK_AFM_MESSAGE, "InvalidAfm");
  }
  return party;
}
