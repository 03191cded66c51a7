// The absurdResult fault: a result no real model would send, to check a client bounds what it
// reads before decoding. `pixels`: the PNG's header declares 60000×60000 px (a decompression
// bomb's shape; the pixel data is the real, small one). `bytes`: a private ancillary chunk
// makes the file 21 MB, over any sane bound for the 16 sizes the model makes.
import { crc32 } from 'node:zlib'

export const ABSURD_SIDE = 60_000
export const ABSURD_BYTES = 21 * 1024 * 1024

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0)
  return Buffer.concat([head, body, crc])
}

/** PNG bytes made absurd as `what` says; other formats get the extra bytes appended. */
export function absurdImage(bytes: Buffer, what: 'pixels' | 'bytes'): Buffer {
  const isPng = bytes.subarray(1, 4).toString('latin1') === 'PNG'
  if (what === 'bytes') {
    const padding = Buffer.alloc(ABSURD_BYTES, 0x61)
    if (!isPng) return Buffer.concat([bytes, padding])
    // after IHDR (8 + 25 bytes): a safe-to-copy private chunk a decoder skips
    return Buffer.concat([bytes.subarray(0, 33), chunk('prVt', padding), bytes.subarray(33)])
  }
  if (!isPng) return bytes
  const out = Buffer.from(bytes)
  out.writeUInt32BE(ABSURD_SIDE, 16)
  out.writeUInt32BE(ABSURD_SIDE, 20)
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29)
  return out
}
