/** Textos de la exportación de listas (issue 19), bajo `exports`. */
export const exportsEs = {
  menu: "Exportar",
  csv: "CSV (programas y hojas de cálculo)",
  xlsx: "Excel (XLSX)",
  title: "Exportando la lista",
  preparing: "Preparando el archivo…",
  received: "{{size}} recibidos",
  rows: "{{done}} de {{total}} filas",
  totalRows: "{{total}} filas",
  cancel: "Cancelar",
  close: "Cerrar",
  done: "Exportación descargada: {{filename}}",
  failed: "No se ha podido exportar.",
  failedRetry:
    "La descarga se ha cortado. Vuelve a intentarlo; si se repite, acota la lista con los filtros.",
  cancelled: "Exportación cancelada.",
};
