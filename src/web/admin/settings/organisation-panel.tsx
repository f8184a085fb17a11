import { Stack } from "@mantine/core";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { LogoUpload } from "./logo-upload.js";
import { useOrganisation } from "./organisation-api.js";
import { OrganisationDataPanel } from "./organisation-data-panel.js";
import { OrganisationForm } from "./organisation-form.js";
import { SigningCertificateCard } from "./signing-certificate-card.js";

export function OrganisationPanel() {
  const organisation = useOrganisation();
  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError)
    return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return (
    <Stack>
      <LogoUpload profile={organisation.data} />
      <OrganisationForm key={organisation.data.id} profile={organisation.data} />
      <SigningCertificateCard />
      <OrganisationDataPanel name={organisation.data.name} />
    </Stack>
  );
}
