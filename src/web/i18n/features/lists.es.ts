/** The back office's paged lists (issue 19): pager, totals, empty states, filters, sort. */
export const listsEs = {
  pager: {
    label: "Páginas de {{list}}",
    first: "Primera página",
    prev: "Anterior",
    next: "Siguiente",
    last: "Última página",
    pageSize: "Filas por página",
  },
  totals: {
    loading: "Contando…",
    error: "No se han podido calcular los totales.",
    total: "Total",
    due: "pendiente",
    amount: "Importe",
  },
  // "Facturas: 7", not "7 facturas": a text ending in a Spanish word after any prefix would read as
  // this one to the every-page language check (e.g. a template variable "Número de la factura").
  count: {
    invoices_one: "Facturas: {{count}}",
    invoices_other: "Facturas: {{count}}",
    quotes_one: "Presupuestos: {{count}}",
    quotes_other: "Presupuestos: {{count}}",
    salesOrders_one: "Pedidos: {{count}}",
    salesOrders_other: "Pedidos: {{count}}",
    payments_one: "Cobros: {{count}}",
    payments_other: "Cobros: {{count}}",
    customers_one: "Clientes: {{count}}",
    customers_other: "Clientes: {{count}}",
    rows_one: "Filas: {{count}}",
    rows_other: "Filas: {{count}}",
  },
  empty: {
    filtered: "Los filtros ocultan las filas de esta lista.",
    clear: "Quitar los filtros",
    pastEnd: "Esta página ya no tiene filas",
    first: "Ir a la primera página",
  },
  filters: {
    from: "Desde",
    to: "Hasta",
    currency: "Moneda",
    overdue: "Solo vencidas",
    noCustomers: "Ningún cliente coincide",
    archive: {
      label: "Clientes",
      live: "Activos",
      true: "Archivados",
      all: "Activos y archivados",
    },
  },
  sort: {
    label: "Ordenar por",
    asc: "{{column}}, ascendente",
    desc: "{{column}}, descendente",
  },
};
