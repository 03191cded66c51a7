import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const entry = process.argv[2]
const r = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2020', platform: 'neutral', mainFields: ['module','main'], minify: true, legalComments: 'none', write: false, metafile: true })
const out = r.outputFiles[0].contents
console.log('gzip', gzipSync(out).length)
const o = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(o.inputs).map(([k,v]) => [v.bytesInOutput, k]).sort((a,b)=>b[0]-a[0])
for (const [b,k] of rows.slice(0, +process.argv[3] || 0)) console.log(b, k)
