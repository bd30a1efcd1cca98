import type { TransmissionQuery } from "@/lib/validation/requests";

/** The history filter of a parsed query (amounts in cents, status list). */
export function filterOf(query: TransmissionQuery) {
  return {
    status: query.status.length > 0 ? query.status : undefined,
    from: query.from,
    to: query.to,
    q: query.q,
    series: query.series,
    mark: query.mark,
    counterpartyVat: query.counterpartyVat,
    minGrossCents: query.minGross,
    maxGrossCents: query.maxGross,
    createdBy: query.issuedBy,
    counterparty: query.counterparty,
    sort: query.sort,
  };
}
