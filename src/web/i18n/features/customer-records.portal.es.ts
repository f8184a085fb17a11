/**
 * The part of `customerRecords` the portal shows (the sign-in page of a contact whose access ended): in the
 * portal's catalogue.
 */
export const customerRecordsPortalEs = {
  portal: {
    accessEnded:
      "Este acceso al portal ya no es válido. Si lo necesitas, pide una invitación nueva a quien te lo envió.",
  },
};
