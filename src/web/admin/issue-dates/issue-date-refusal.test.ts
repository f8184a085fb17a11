import { describe, expect, test } from "vitest";
import { ApiError } from "../../ui/api-client.js";
import { issueDateRefusal } from "./issue-date-refusal.js";

describe("an issue-date refusal is read from the problem's members", () => {
  test("before the last: its dates, and a retry dated today", () => {
    const error = new ApiError(422, "ISSUE_DATE_BEFORE_LAST", "Esta fecha es anterior…", [], {
      issueDate: "2026-11-15",
      lastIssueDate: "2026-11-20",
      today: "2026-12-06",
    });
    expect(issueDateRefusal(error)).toEqual({
      code: "ISSUE_DATE_BEFORE_LAST",
      detail: "Esta fecha es anterior…",
      issueDate: "2026-11-15",
      lastIssueDate: "2026-11-20",
      dueDate: null,
      today: "2026-12-06",
      canUseToday: true,
    });
  });

  test("a due date before the issue date is not fixed by today's date", () => {
    const error = new ApiError(422, "DUE_DATE_BEFORE_ISSUE", "…", [], {
      issueDate: "2026-12-01",
      dueDate: "2026-11-30",
      today: "2026-12-06",
    });
    expect(issueDateRefusal(error)).toMatchObject({ canUseToday: false, dueDate: "2026-11-30" });
  });

  test("other errors, and members that are not dates, are not taken", () => {
    expect(issueDateRefusal(new ApiError(409, "INVOICE_NOT_DRAFT", "…"))).toBeNull();
    expect(issueDateRefusal(new Error("x"))).toBeNull();
    const odd = new ApiError(422, "ISSUE_DATE_IN_FUTURE", "…", [], { issueDate: 7, today: "<b>" });
    expect(issueDateRefusal(odd)).toMatchObject({ issueDate: null, today: null, canUseToday: true });
  });
});
