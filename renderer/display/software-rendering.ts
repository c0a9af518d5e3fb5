/**
 * Whether this window draws in software: wall PCs without a usable GPU, VMs, remote desktops,
 * and Electron after its GPU-crash fallback. There every moving pixel costs CPU that the video
 * decoders need, so motion is rationed (the map draws at a lower resolution while it moves, the
 * ticker moves in steps). Hardware rendering is left alone.
 */

/** The renderer names of software WebGL implementations Chromium and Electron fall back to. */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a WebGL context is rasterised on the CPU, from its (unmasked where allowed) renderer name. */
export function isSoftwareRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext | null | undefined): boolean {
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' && SOFTWARE_RENDERERS.test(name);
}

let cached: boolean | undefined;

/** Whether this window renders in software; asked of a throwaway WebGL context once per page. */
export function rendersInSoftware(): boolean {
  if (cached !== undefined) return cached;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl');
  // No WebGL at all means no GPU worth the name either.
  cached = gl === null || isSoftwareRenderer(gl);
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return cached;
}
