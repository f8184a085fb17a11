/**
 * The part of `portalAccess` the portal shows (the banner over a staff member's preview): in the portal's
 * catalogue.
 */
export const portalAccessPortalEs = {
  previewBanner: "Vista previa como {{name}}: solo lectura",
};
