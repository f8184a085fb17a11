import type { Messages } from "../types.js";
import type { issueDatesEs } from "./issue-dates.es.js";

export const issueDatesEn: Messages<typeof issueDatesEs> = {
  title: "It cannot be issued with this date",
  beforeLast:
    "The last issued document of this series is dated {{last}} and this one {{date}}: within a series, numbers and dates go forward together.",
  inFuture: "The document's date ({{date}}) is after today ({{today}}).",
  dueBeforeIssue:
    "The due date ({{due}}) is before the issue date ({{date}}); change the dates before issuing.",
  todayHint: {
    invoice: "You can issue it dated today ({{today}}); its due date moves with it and keeps its term.",
    quote: "You can send it dated today ({{today}}); its validity moves with it and keeps its length.",
    salesOrder: "You can confirm it dated today ({{today}}).",
  },
  useToday: {
    issue: "Issue dated today",
    send: "Send dated today",
    confirm: "Confirm dated today",
  },
  editDates: "Change the dates",
};
