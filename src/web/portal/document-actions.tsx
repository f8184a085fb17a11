import { Button, Group } from "@mantine/core";
import { usePdfHref } from "./pdf-href.js";
import { ShareDocument } from "./share-document.js";
import { portalApi } from "./slug.js";

type SharedType = Parameters<typeof ShareDocument>[0]["documentType"];

/** A portal document's own actions: its PDF, printing (where offered) and sharing it with a colleague. */
export function PortalDocumentActions({
  documentType,
  documentId,
  pdfPath,
  pdfLabel,
  printLabel,
}: {
  documentType: SharedType;
  documentId: string;
  /** The PDF's path under the portal's API, e.g. `/invoices/<id>/pdf`. */
  pdfPath: string;
  pdfLabel: string;
  printLabel?: string;
}) {
  const pdfHref = usePdfHref(portalApi(pdfPath));
  return (
    <Group gap="xs" data-print="hide">
      <Button component="a" href={pdfHref} download variant="default">
        {pdfLabel}
      </Button>
      {printLabel ? (
        <Button variant="default" onClick={() => window.print()}>
          {printLabel}
        </Button>
      ) : null}
      <ShareDocument documentType={documentType} documentId={documentId} />
    </Group>
  );
}
