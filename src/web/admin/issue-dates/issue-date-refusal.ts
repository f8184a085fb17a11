import { ApiError } from "../../ui/api-client.js";

export type IssueDateCode = "ISSUE_DATE_BEFORE_LAST" | "ISSUE_DATE_IN_FUTURE" | "DUE_DATE_BEFORE_ISSUE";

/** A refused issue date, read from the problem's members (never from its English text). */
export interface IssueDateRefusal {
  code: IssueDateCode;
  /** The server's own sentence, in the request's language. */
  detail: string;
  issueDate: string | null;
  lastIssueDate: string | null;
  dueDate: string | null;
  today: string | null;
  /** Retrying dated today helps unless the due date itself is before the issue date. */
  canUseToday: boolean;
}

const CODES: readonly string[] = ["ISSUE_DATE_BEFORE_LAST", "ISSUE_DATE_IN_FUTURE", "DUE_DATE_BEFORE_ISSUE"];

const dateMember = (extensions: Record<string, unknown>, key: string): string | null => {
  const value = extensions[key];
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
};

export function issueDateRefusal(error: unknown): IssueDateRefusal | null {
  if (!(error instanceof ApiError) || !CODES.includes(error.code)) return null;
  const code = error.code as IssueDateCode;
  return {
    code,
    detail: error.detail,
    issueDate: dateMember(error.extensions, "issueDate"),
    lastIssueDate: dateMember(error.extensions, "lastIssueDate"),
    dueDate: dateMember(error.extensions, "dueDate"),
    today: dateMember(error.extensions, "today"),
    canUseToday: code !== "DUE_DATE_BEFORE_ISSUE",
  };
}
