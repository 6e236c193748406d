import { createGuard, normalize } from '@bulwark/core';
import { evasionTechniques } from '@bulwark/core/testing';
import { loadDatasets } from './src/train/dataset.ts';
import { rowSplit } from './src/train/examples.ts';
import { gatherMachineDocuments } from './src/train/main.ts';
const guard = createGuard();
const docs = gatherMachineDocuments('/work/wt-rules').filter(d => d.split === 'heldout');
let n = 0;
for (const d of docs) {
  const v = await guard.scan({ surface: 'document', text: d.text });
  if (v.decision === 'block') { n++; if (n <= 40) console.log(d.path.slice(-60), JSON.stringify(v.categories), v.findings.map(f => f.detector + ':' + f.score + ':' + (f.evidence ?? '').slice(0, 60)).join(' | ')); }
}
const rows = loadDatasets('/work/shared/datasets').filter(r => r.label !== 'benign' && r.label !== 'harmful' && rowSplit(r) === 'validation');
const b64 = evasionTechniques.find(t => t.id === 'base64')!;
let shown = 0;
for (const r of rows) {
  const v = await guard.scan({ surface: r.surface === 'prompt' ? 'prompt' : 'document', text: r.text });
  if (v.decision !== 'block') continue;
  const e = b64.apply(r.text);
  const w = await guard.scan({ surface: r.surface === 'prompt' ? 'prompt' : 'document', text: e });
  if (w.decision !== 'block' && shown++ < 5) { const n2 = normalize(e); console.log('B64 MISS', r.file, r.text.length, n2.views.map(x => x.kind), JSON.stringify(r.text.slice(0, 120))); }
}
