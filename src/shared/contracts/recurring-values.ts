/** The recurring profiles' enumerations (A5), shared by the schema, the contracts and the web. */
export const RECURRING_FREQUENCIES = [
  "weekly",
  "every_2_weeks",
  "every_4_weeks",
  "monthly",
  "every_2_months",
  "every_3_months",
  "every_4_months",
  "every_6_months",
  "yearly",
  "every_2_years",
  "every_3_years",
] as const;
export type RecurringFrequency = (typeof RECURRING_FREQUENCIES)[number];

/** draft: leave it for staff; send: issue and email it; charge_and_send: also charge the saved method. */
export const RECURRING_MODES = ["draft", "send", "charge_and_send"] as const;
export type RecurringMode = (typeof RECURRING_MODES)[number];

/** ended: the end (after N invoices, on a date) was reached; stopped: by staff, for good. */
export const RECURRING_STATUSES = ["active", "paused", "stopped", "ended"] as const;
export type RecurringStatus = (typeof RECURRING_STATUSES)[number];

export const RECURRING_ENDS = ["never", "after_count", "on_date"] as const;
export type RecurringEnd = (typeof RECURRING_ENDS)[number];
