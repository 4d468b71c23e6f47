import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { chunkDocument } from '/work/main/dist/src/compiler/chunks.js';
import { generateWorkflow } from '/work/main/bench/generate.js';
const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const text = generateWorkflow(200);
function bench(name, fn){ let t=[]; for(let r=0;r<30;r++){ const s=text.replaceAll('building on', `building (${r}) on`); const a=performance.now(); fn(s); t.push(performance.now()-a);} t=t.slice(5).sort((a,b)=>a-b); console.log(name.padEnd(20), t[t.length>>1].toFixed(1), t[0].toFixed(1)); }
bench('chunks full', s=>{ for(const c of chunkDocument(s)) full.parse(c.text); });
bench('chunks plain', s=>{ for(const c of chunkDocument(s)) plain.parse(c.text); });
bench('whole full', s=>full.parse(s));
bench('whole plain', s=>plain.parse(s));
const t2 = generateWorkflow(400);
