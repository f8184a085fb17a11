/** Settings → Organisation: export all data and the danger zone (issue 12 §1), under `organisationData`. */
export const organisationDataEs = {
  exportTitle: "Tus datos",
  exportIntro:
    "Descarga un archivo ZIP con todos los datos de la organización (un fichero JSON por tabla) y el PDF de cada documento emitido. Las contraseñas, sesiones y claves no se incluyen.",
  exportButton: "Exportar todos los datos",
  dangerTitle: "Zona de peligro",
  dangerIntro:
    "Eliminar la organización borra al momento sus clientes, documentos, pagos, equipo, claves de API y enlaces del portal. No se puede deshacer.",
  lawNotice:
    "La ley puede obligarte a conservar las facturas emitidas durante años: exporta tus datos antes de eliminar.",
  deleteButton: "Eliminar esta organización",
  modalTitle: "Eliminar {{name}}",
  typeSlug: "Escribe {{slug}} para confirmar",
  confirm: "Eliminar para siempre",
  done: "La organización se ha eliminado.",
};
