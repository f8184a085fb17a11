import { useQuery } from "@tanstack/react-query";
import { FacturaeDownloadButton } from "../ui/facturae-download-button.js";
import { queryKeys } from "../ui/query-keys.js";
import { portal, portalApi } from "./slug.js";

/** The portal's "Download Facturae" (issue 17 §3): shown only when the organisation signs Facturae files. */
export function PortalFacturaeDownload({ invoiceId }: { invoiceId: string }) {
  const offered = useQuery({
    queryKey: queryKeys.portalFacturae,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/facturae", { signal }),
    staleTime: 5 * 60_000,
  });
  if (!offered.data?.available) return null;
  return <FacturaeDownloadButton href={portalApi(`/invoices/${encodeURIComponent(invoiceId)}/facturae`)} />;
}
