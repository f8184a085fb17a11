import { documentClient, type PortalDocuments } from "../ui/documents/document-client.js";
import { portalApi } from "./slug.js";

/** The document kinds' reads under this portal's API. */
export const portalDocuments = documentClient<PortalDocuments>(portalApi);
