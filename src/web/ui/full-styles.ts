// Every Mantine component's styles, loaded with the first page chunk (lazy-page.tsx) and by the back office
// up front; the shell's rules it repeats are the same rules, so nothing already shown changes.
import "@mantine/core/styles.css";
