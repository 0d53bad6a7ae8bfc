/**
 * shared/ compiles without DOM or Node types. These are the web-platform globals it may use, because
 * Node and the renderer both provide them; nothing else of either runtime is visible here.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
