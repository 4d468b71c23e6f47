// An image input's value: what `fileType: image` inputs hold and how prompts recognise them.

export interface ImageValue {
  kind: 'image';
  path: string;
  mediaType: string;
  /** base64 */
  data: string;
}

export function isImageValue(value: unknown): value is ImageValue {
  return typeof value === 'object' && value !== null && (value as ImageValue).kind === 'image' && typeof (value as ImageValue).data === 'string';
}
