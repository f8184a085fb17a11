import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SigningCertificateBody } from "../../../shared/contracts/facturae.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

/** The organisation's signing certificate (issue 17 §3): its facts only, or null. */
export function useSigningCertificate() {
  return useQuery({
    queryKey: queryKeys.signingCertificate,
    queryFn: ({ signal }) => api.get("/api/organisation/signing-certificate", { signal }),
    staleTime: 60_000,
  });
}

export function useSaveSigningCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SigningCertificateBody) => api.put("/api/organisation/signing-certificate", { body }),
    onSuccess: (status) => client.setQueryData(queryKeys.signingCertificate, status),
  });
}

export function useRemoveSigningCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete("/api/organisation/signing-certificate"),
    onSuccess: () => client.setQueryData(queryKeys.signingCertificate, { certificate: null }),
  });
}

/** The file's bytes as base64, as the API takes them. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
