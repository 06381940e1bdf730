/** The part of WebGPU's `navigator.gpu` this module asks (TypeScript's DOM types lack it). */
interface GpuEntry {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<GpuAdapter | null>;
}

interface GpuAdapter {
  info?: { vendor?: string; architecture?: string; description?: string };
  isFallbackAdapter?: boolean;
}

let asked: Promise<string | null> | null = null;

/**
 * Whether this browser offers a WebGPU adapter, asked once per worker: a short description of it
 * (e.g. `google swiftshader (software)`), or null when `navigator.gpu` is missing or offers no
 * adapter. Asking costs no download, so the WebGPU backend's code is fetched only after a yes.
 */
export function webgpuAdapter(): Promise<string | null> {
  asked ??= ask();
  return asked;
}

async function ask(): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: GpuEntry }).gpu;
  if (!gpu) return null;
  try {
    // The same preference as tfjs-backend-webgpu's own request.
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture || info.description].filter(Boolean).join(' ') || 'unnamed adapter';
    const software = adapter.isFallbackAdapter ?? (info as { isFallbackAdapter?: boolean }).isFallbackAdapter;
    return software ? `${name} (software)` : name;
  } catch {
    return null;
  }
}
