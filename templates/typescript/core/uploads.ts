/**
 * What a multipart request accepts for a file. A stand-in so that generated declarations type-check on their
 * own; generate without support files to use your SDK's own `Uploadable`.
 */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView;
