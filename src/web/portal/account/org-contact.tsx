import { Anchor, Card, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PortalMe } from "../../../shared/contracts/index.js";
import { FactGrid } from "../../ui/fact.js";

type Org = PortalMe["org"];

/** Only http(s) links become anchors: a stored `javascript:` URL must never be clickable. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

/**
 * The organisation's contact details (E1), as C4 allows: the server leaves out what is switched off
 * (address null, phones null, social links empty), so this shows whatever arrives.
 */
export function OrgContactBlock({ org }: { org: Org }) {
  const { t } = useTranslation();
  const address = org.address
    ? [
        org.address.line1,
        org.address.line2,
        [org.address.postalCode, org.address.city].filter(Boolean).join(" "),
        org.address.region,
        org.address.country,
      ].filter(Boolean)
    : [];
  const social = org.socialLinks.map((url) => ({ url, href: safeHref(url) }));
  const rows: [string, ReactNode][] = [];
  if (org.email)
    rows.push([
      t("portalSettings.account.orgEmail"),
      <Anchor key="email" href={`mailto:${org.email}`}>
        {org.email}
      </Anchor>,
    ]);
  if (org.phone)
    rows.push([
      t("portalSettings.account.orgPhone"),
      <Anchor key="phone" href={`tel:${org.phone}`}>
        {org.phone}
      </Anchor>,
    ]);
  if (org.mobile)
    rows.push([
      t("portalSettings.account.orgMobile"),
      <Anchor key="mobile" href={`tel:${org.mobile}`}>
        {org.mobile}
      </Anchor>,
    ]);
  if (org.website && safeHref(org.website))
    rows.push([
      t("portalSettings.account.orgWebsite"),
      <Anchor key="website" href={org.website} target="_blank" rel="noopener noreferrer">
        {org.website}
      </Anchor>,
    ]);
  if (address.length > 0)
    rows.push([
      t("portalSettings.account.orgAddress"),
      address.map((line) => (
        <span key={line} style={{ display: "block" }}>
          {line}
        </span>
      )),
    ]);
  if (social.length > 0)
    rows.push([
      t("portalSettings.account.orgSocial"),
      <Stack key="social" gap={2}>
        {social.map(({ url, href }) =>
          href ? (
            <Anchor key={url} href={href} target="_blank" rel="noopener noreferrer">
              {url}
            </Anchor>
          ) : (
            <span key={url}>{url}</span>
          ),
        )}
      </Stack>,
    ]);
  if (rows.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="org-contact-title" data-testid="org-contact">
      <Title order={2} size="h4" id="org-contact-title" mb="sm">
        {t("portalSettings.account.orgContact", { org: org.name })}
      </Title>
      <FactGrid facts={rows} spacing="sm" wrapAnywhere />
    </Card>
  );
}
