// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from bench/cpu-per-request.ts with CPU_PROFILE=dir):
// `npx tsx bench/cpu-profile-top.ts file.cpuprofile [top]`. Prints the share of self time by package (the
// node_modules folder, or "portico" for src/, "node" for Node's own code, and V8's (garbage collector),
// (program), (idle)) and the top functions by self time, then by inclusive ("total") time for Portico's and
// the libraries' named functions.
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile-top.ts file.cpuprofile [top]");
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
let totalUs = 0;
let idleUs = 0;
for (const [id, us] of selfUs) {
  totalUs += us;
  if (byId.get(id)?.callFrame.functionName === "(idle)") idleUs += us;
}
const busyUs = totalUs - idleUs;

function packageOf(n: Node): string {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m?.[1]) return m[1];
  if (url.startsWith("node:")) return "node";
  if (url.includes("/src/")) return "portico";
  return url;
}
const label = (n: Node) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url.replace(/^.*node_modules\//, "").replace(/^.*\/src\//, "src/");
  return `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
};
const pct = (us: number) => `${((100 * us) / busyUs).toFixed(1).padStart(5)} %`;

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  if (!n || n.callFrame.functionName === "(idle)") continue;
  byPackage.set(packageOf(n), (byPackage.get(packageOf(n)) ?? 0) + us);
  byFunction.set(label(n), (byFunction.get(label(n)) ?? 0) + us);
}
// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n?.callFrame.url) continue;
    const l = label(n);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
});

console.log(`${file}: ${(busyUs / 1000).toFixed(0)} ms busy of ${(totalUs / 1000).toFixed(0)} ms sampled`);
console.log("\nself time by package");
for (const [p, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)}  ${p}`);
console.log("\nself time by function");
for (const [f, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)}  ${f}`);
console.log("\ntotal time by function");
for (const [f, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)}  ${f}`);
