/**
 * Spanish rectifying invoices (issue 17 §2, decision 051), merged into the portal's catalogue (so the back
 * office has them too) under `rectifying`.
 */
export const rectifyingEs = {
  title: "Factura rectificativa",
  section: "Rectificación",
  type: "Tipo de rectificativa",
  typePlaceholder: "Elige el tipo",
  types: {
    R1: "R1 · Error fundado en derecho y art. 80 Uno, Dos y Seis LIVA",
    R2: "R2 · Art. 80.3 LIVA (concurso de acreedores)",
    R3: "R3 · Art. 80.4 LIVA (créditos incobrables)",
    R4: "R4 · Resto de causas",
    R5: "R5 · Facturas simplificadas",
  },
  method: "Método",
  methods: {
    difference: "Por diferencias",
    substitution: "Por sustitución",
  },
  methodHints: {
    difference: "Las líneas son la diferencia que se abona.",
    substitution:
      "Las líneas son los importes corregidos completos de la factura que sustituye; se abona la diferencia con la original.",
  },
  reason: "Motivo",
  reasonHint: "Por qué se rectifica (hasta 500 caracteres).",
  rectified: "Facturas rectificadas",
  rectifiedHint: "Facturas emitidas del mismo cliente; por sustitución, exactamente una.",
  rectifiedEmpty: "Este cliente no tiene facturas emitidas",
  rectifiedOf: "{{number}} de {{date}}",
  rectifiedAmounts: "Importes rectificados: base {{base}}, cuota {{tax}}",
  correctedAmounts: "Importes corregidos: base {{base}}, cuota {{tax}}",
  none: "Ninguna",
};
