import { portalDocumentClient } from "../ui/documents/document-client.js";
import { portal } from "./slug.js";

/** The document kinds' reads under this portal's API. */
export const portalDocuments = portalDocumentClient(portal);
