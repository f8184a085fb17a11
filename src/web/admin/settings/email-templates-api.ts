import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EmailTemplate, EmailTemplateInput } from "../../../shared/contracts/email-templates.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export type TemplateLanguage = "es" | "en";

export function useEmailTemplates() {
  return useQuery({
    queryKey: queryKeys.emailTemplates,
    queryFn: ({ signal }) => api.get("/api/email-templates", { signal }),
  });
}

export function useEmailTemplate(kind: string, language: TemplateLanguage) {
  return useQuery({
    queryKey: queryKeys.emailTemplate(kind, language),
    queryFn: ({ signal }) =>
      api.get("/api/email-templates/:kind/:language", { params: { kind, language }, signal }),
  });
}

/** Saving and restoring answer the template as it now is; the list's states are read again. */
function useTemplateChange<B>(
  kind: string,
  language: TemplateLanguage,
  call: (params: { kind: string; language: string }, body: B) => Promise<EmailTemplate>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => call({ kind, language }, body),
    onSuccess: (template) => {
      client.setQueryData(queryKeys.emailTemplate(kind, language), template);
      void client.invalidateQueries({ queryKey: queryKeys.emailTemplates, exact: true });
    },
  });
}

export const useSaveEmailTemplate = (kind: string, language: TemplateLanguage) =>
  useTemplateChange<EmailTemplateInput>(kind, language, (params, body) =>
    api.put("/api/email-templates/:kind/:language", { params, body }),
  );

export const useRestoreEmailTemplate = (kind: string, language: TemplateLanguage) =>
  useTemplateChange<void>(kind, language, (params) =>
    api.delete("/api/email-templates/:kind/:language", { params }),
  );

export function usePreviewEmailTemplate(kind: string, language: TemplateLanguage) {
  return useMutation({
    mutationFn: (body: EmailTemplateInput) =>
      api.post("/api/email-templates/:kind/:language/preview", { params: { kind, language }, body }),
  });
}

export function useTestEmailTemplate(kind: string, language: TemplateLanguage) {
  return useMutation({
    mutationFn: (body: EmailTemplateInput) =>
      api.post("/api/email-templates/:kind/:language/test", { params: { kind, language }, body }),
  });
}
