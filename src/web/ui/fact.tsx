import { type MantineSize, SimpleGrid, type SimpleGridProps, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface FactStyle {
  /** The value's size ("sm" when not given). */
  size?: MantineSize;
  fw?: number;
  /** Long unbroken values (emails, addresses, user agents) wrap anywhere instead of overflowing. */
  wrapAnywhere?: boolean;
}

/** One "label: value" pair of a definition list: a small dimmed term and its value. */
export function Fact({
  label,
  children,
  size = "sm",
  fw,
  wrapAnywhere,
}: FactStyle & { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text
        size={size}
        component="dd"
        m={0}
        fw={fw}
        style={wrapAnywhere ? { overflowWrap: "anywhere" } : undefined}
      >
        {children}
      </Text>
    </div>
  );
}

/** A definition list of facts in a grid (one column on a phone, two from `sm` unless told). */
export function FactGrid({
  facts,
  cols = { base: 1, sm: 2 },
  spacing,
  ...style
}: FactStyle & {
  /** Label and value; null leaves a fact out. */
  facts: ([label: string, value: ReactNode] | null)[];
  cols?: SimpleGridProps["cols"];
  spacing?: SimpleGridProps["spacing"];
}) {
  return (
    <SimpleGrid cols={cols} component="dl" m={0} spacing={spacing}>
      {facts.map((fact) =>
        fact ? (
          <Fact key={fact[0]} label={fact[0]} {...style}>
            {fact[1]}
          </Fact>
        ) : null,
      )}
    </SimpleGrid>
  );
}
