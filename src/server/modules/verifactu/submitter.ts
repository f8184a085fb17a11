import type { VerifactuRecord } from "./verifactu-records.js";

/*
 * Sending billing records to AEAT (decision 049). Not done yet: AEAT's web service takes the records only
 * over mutual TLS with the issuer's (or a representative's) qualified electronic certificate, and needs
 * the internet; this installation has neither. The records are written and chained all the same, so
 * adding a real submitter later (RegistroAlta/RegistroAnulacion XML in a SOAP envelope, AEAT's answer
 * and waiting time per record) changes nothing already stored.
 */

export interface VerifactuSubmission {
  record: VerifactuRecord;
  /** The record's XML (RegistroAlta or RegistroAnulacion), from the XML helper. */
  xml: string;
}

export type SubmissionOutcome =
  | { state: "not_sent"; reason: "submission_off" }
  | { state: "accepted"; csv: string }
  | { state: "accepted_with_errors"; csv: string; errors: string[] }
  | { state: "rejected"; errors: string[] };

export interface VerifactuSubmitter {
  readonly name: string;
  submit(submissions: VerifactuSubmission[]): Promise<SubmissionOutcome[]>;
}

/** The only submitter today: sends nothing and says so. */
export const offSubmitter: VerifactuSubmitter = {
  name: "off",
  async submit(submissions) {
    return submissions.map(() => ({ state: "not_sent", reason: "submission_off" }) as const);
  },
};
