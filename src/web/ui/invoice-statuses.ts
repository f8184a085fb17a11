/** In lifecycle order; from the zod-free shared list, so the web bundle does not pull the schemas in. */
export { INVOICE_STATUSES } from "../../shared/contracts/statuses.js";
