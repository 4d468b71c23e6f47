import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { chunkDocument } from '/work/main/dist/src/compiler/chunks.js';
import { generateWorkflow } from '/work/main/bench/generate.js';
const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);
full.freeze(); full.parse("x"); const data = full.data();
const one = combineExtensions(data.micromarkExtensions);
const opts = { extensions: [one], mdastExtensions: data.fromMarkdownExtensions };
function bench(name, fn){ let t=[]; for(let r=0;r<40;r++){ const s=generateWorkflow(200,{salt:'q'+name+r}); const a=performance.now(); fn(s); t.push(performance.now()-a);} t=t.slice(8).sort((a,b)=>a-b); console.log(name.padEnd(20), t[t.length>>1].toFixed(1), t[0].toFixed(1)); }
const group = (s,k)=>{ const c=chunkDocument(s); const out=[]; for(let i=0;i<c.length;i+=k) out.push(c.slice(i,i+k).map(x=>x.text).join('')); return out; };
for (let rep=0; rep<0; rep++) {
bench('chunks full', s=>{ for(const c of chunkDocument(s)) full.parse(c.text); });
bench('chunks precombined', s=>{ for(const c of chunkDocument(s)) fromMarkdown(c.text, opts); });
bench('group4 full', s=>{ for(const c of group(s,4)) full.parse(c); });
bench('group8 full', s=>{ for(const c of group(s,8)) full.parse(c); });
bench('group8 pre', s=>{ for(const c of group(s,8)) fromMarkdown(c, opts); });
bench('group16 pre', s=>{ for(const c of group(s,16)) fromMarkdown(c, opts); });
}
const s=generateWorkflow(100,{salt:'zz'}); const tree=full.parse(s);
import v8 from 'v8';
let t=performance.now(); for(let i=0;i<10;i++) v8.deserialize(v8.serialize(tree)); console.log('ser+deser 100 phases', ((performance.now()-t)/10).toFixed(1));
t=performance.now(); for(let i=0;i<10;i++) JSON.parse(JSON.stringify(tree)); console.log('json 100 phases', ((performance.now()-t)/10).toFixed(1));
