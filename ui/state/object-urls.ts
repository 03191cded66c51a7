// Thumbnails are shown from object URLs of the reference bytes. Each URL pins its bytes in
// memory until revoked, so the store revokes one whenever its image is replaced or dropped.

export interface ObjectUrls {
  create(bytes: Uint8Array, mime: string): string
  revoke(url: string): void
}

export const browserObjectUrls: ObjectUrls = {
  create: (bytes, mime) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })),
  revoke: (url) => URL.revokeObjectURL(url),
}
