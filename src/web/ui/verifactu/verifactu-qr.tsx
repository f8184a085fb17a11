import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { qrSymbol } from "./qr-symbol.js";

/**
 * Legal text (RD 1007/2023, Orden HAC/1177/2024): in Spanish whatever the app's language, as on the PDF.
 */
const MARK = "VERI*FACTU";
const LEGEND = "Factura verificable en la sede electrónica de la AEAT";

/**
 * AEAT's QR of an issued invoice of an organisation in VERI*FACTU mode (issue 17), near the top of its page
 * in the portal and the back office: the same URL the PDF prints, as an SVG with a label for screen readers
 * and a link for those who cannot scan.
 */
export function VerifactuQr({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const symbol = useMemo(() => (url ? qrSymbol(url) : null), [url]);
  if (!url || !symbol) return null;
  return (
    <Card withBorder component="section" aria-label={t("verifactuQr.region")} data-testid="verifactu-qr">
      <Group gap="md" wrap="nowrap" align="center">
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${symbol.size} ${symbol.size}`}
          width={128}
          height={128}
          shapeRendering="crispEdges"
          role="img"
          aria-label={t("verifactuQr.label")}
          style={{ flex: "none" }}
        >
          <rect width={symbol.size} height={symbol.size} fill="#fff" />
          <path d={symbol.path} fill="#000" />
        </svg>
        <Stack gap={4}>
          <Text fw={700} lang="es">
            {MARK}
          </Text>
          <Text size="sm" lang="es">
            {LEGEND}
          </Text>
          <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
            {t("verifactuQr.open")}
          </Anchor>
        </Stack>
      </Group>
    </Card>
  );
}
