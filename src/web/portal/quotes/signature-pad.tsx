import { Box, Button, Group, Text } from "@mantine/core";
import { type PointerEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

const HEIGHT = 180;

/**
 * A hand-drawn signature on a <canvas>, by finger, pen or mouse (Pointer Events; `touch-action: none`
 * keeps a finger from scrolling the page instead of drawing). Reports a PNG data URL after every
 * stroke, or null once cleared. The backing store follows the device pixel ratio so strokes stay sharp.
 */
export function SignaturePad({
  onChange,
  error,
}: {
  onChange: (dataUrl: string | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const hasInk = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.max(1, Math.min(window.devicePixelRatio || 1, 3));
    canvas.width = Math.round((canvas.clientWidth || 300) * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1a1b1e";
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    e.preventDefault();
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic or already-ended pointer cannot be captured; drawing works without it.
    }
    const p = point(e);
    drawing.current = { id: e.pointerId, ...p };
    const ctx = e.currentTarget.getContext("2d");
    if (!ctx) return;
    // A dot, so a tap leaves a mark too.
    ctx.beginPath();
    ctx.arc(p.x, p.y, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fillStyle = ctx.strokeStyle;
    ctx.fill();
    hasInk.current = true;
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const last = drawing.current;
    if (!last || last.id !== e.pointerId) return;
    e.preventDefault();
    const ctx = e.currentTarget.getContext("2d");
    if (!ctx) return;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    drawing.current = { id: e.pointerId, ...p };
  };

  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || drawing.current.id !== e.pointerId) return;
    drawing.current = null;
    if (hasInk.current) onChange(e.currentTarget.toDataURL("image/png"));
  };

  const clear = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
    hasInk.current = false;
    onChange(null);
  };

  return (
    <div>
      <Text size="sm" fw={500} id="signature-label">
        {t("quotes.portal.signature")}
      </Text>
      <Text size="xs" c="dimmed" id="signature-help" mb={4}>
        {t("quotes.portal.signatureHelp")} {t("quotes.portal.signatureKeyboard")}
      </Text>
      <Box
        component="canvas"
        ref={canvasRef}
        role="img"
        aria-label={t("quotes.portal.signaturePad")}
        aria-describedby="signature-help"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{
          display: "block",
          width: "100%",
          height: HEIGHT,
          touchAction: "none",
          background: "white",
          cursor: "crosshair",
          border: `1px solid ${error ? "var(--mantine-color-error)" : "var(--mantine-color-default-border)"}`,
          borderRadius: "var(--mantine-radius-sm)",
        }}
      />
      <Group justify="space-between" mt={4}>
        {error ? (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        ) : (
          <span />
        )}
        <Button variant="subtle" size="compact-sm" onClick={clear}>
          {t("quotes.portal.clear")}
        </Button>
      </Group>
    </div>
  );
}
