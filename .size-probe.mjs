import { build } from 'esbuild'
import { gzipSync } from 'zlib'
const r = await build({ entryPoints: ['src/main.ts'], bundle: true, write: false, minify: true, target: 'es2020', format: 'iife', metafile: true, define: { __html__: '""' } })
const out = r.outputFiles[0].contents
console.log('total', out.length, gzipSync(out).length)
const inputs = Object.values(r.metafile.outputs)[0].inputs
for (const [f, v] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40)) if (!f.includes('node_modules')) console.log(v.bytesInOutput, f)
