/** The report's only stylesheet, inlined so report.html is one self-contained file. */
export const REPORT_CSS = `
:root { --ink: #222; --muted: #666; --rule: #e2e2e2; --accent: #1b9e77; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f6f4; color: var(--ink);
  font: 16px/1.55 "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 2rem 1.25rem 4rem; background: var(--paper); }
header h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .3rem; }
header .subtitle { color: var(--muted); margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1.5rem;
  font-size: .875rem; padding: .75rem 1rem; background: #f3f7f5; border-left: 3px solid var(--accent); }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
nav.toc { font-size: .95rem; margin-bottom: 2rem; } nav.toc ol { margin: .3rem 0; padding-left: 1.4rem; }
nav.toc a, a { color: #0b6e52; }
section { border-top: 1px solid var(--rule); padding-top: 1rem; margin-top: 2rem; }
h2 { font-size: 1.35rem; margin: 0 0 .5rem; }
section > p { max-width: 46rem; }
.figures { display: flex; flex-wrap: wrap; gap: 0 2.5rem; align-items: flex-start; }
/* display: table + table-caption keeps a caption as wide as its plot. */
figure { margin: 1.5rem 0; display: table; max-width: 100%; }
figcaption { display: table-caption; caption-side: bottom; }
figure .plot { overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .875rem; color: var(--muted); max-width: 46rem; margin-top: .4rem; }
figcaption b { color: var(--ink); }
table.data-table { border-collapse: collapse; font-size: .85rem; }
table.data-table th, table.data-table td { padding: .2rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; }
table.data-table th { border-bottom: 2px solid #bbb; font-weight: 600; }
table.data-table .num { text-align: right; font-variant-numeric: tabular-nums; }
table.data-table tbody tr:nth-child(even) { background: #fafafa; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
@media (max-width: 700px) { body { font-size: 15px; } main { padding: 1rem .6rem 3rem; } dl.meta { grid-template-columns: 1fr; } }
@media print { body { background: none; } main { max-width: none; } figure { break-inside: avoid; } }
`;
