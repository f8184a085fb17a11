/**
 * What the invoice detail's "Payment methods offered" saves and says (issue 13): the ticked among the
 * organisation's offered gateways, in the organisation's order (a gateway it no longer offers drops out,
 * the server would refuse it); all ticked follows the organisation, none means no online payment.
 */
export function invoiceGatewayChoice(
  offered: readonly string[],
  ticked: readonly string[],
): { chosen: string[]; note: "followsOrg" | "noneChecked" | null } {
  const chosen = offered.filter((g) => ticked.includes(g));
  const note = chosen.length === offered.length ? "followsOrg" : chosen.length === 0 ? "noneChecked" : null;
  return { chosen, note };
}
