import {
  newQuickJSWASMModule,
  newVariant,
  RELEASE_SYNC,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

// Node has WebAssembly; the project's TypeScript libs (ES2023, no DOM) do not declare it.
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum: number }) => object;
};

const WASM_PAGE_BYTES = 64 * 1024;
/** What the QuickJS build starts with (emscripten INITIAL_MEMORY): its data, stack and first heap. */
const INITIAL_HEAP_BYTES = 16 * 1024 * 1024;

/**
 * Loads a QuickJS module whose WebAssembly memory may grow by at most `growthBytes`. That cap is the
 * real memory limit: this QuickJS build counts allocations but not their sizes (no
 * malloc_usable_size under emscripten), so `setMemoryLimit` alone only refuses single allocations
 * larger than the limit and the heap would otherwise grow to 2 GB and never shrink.
 */
export function loadQuickJSModule(growthBytes: number): Promise<QuickJSWASMModule> {
  const maximumBytes = INITIAL_HEAP_BYTES + growthBytes;
  const wasmMemory = new WebAssembly.Memory({
    initial: INITIAL_HEAP_BYTES / WASM_PAGE_BYTES,
    maximum: Math.ceil(maximumBytes / WASM_PAGE_BYTES),
  });
  return newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory }));
}

/**
 * The module in use plus a spare loaded in advance. A module is retired when its memory can no
 * longer be trusted (a host exception thrown from inside it); the spare takes over at once,
 * synchronously, and a new spare loads in the background.
 */
export class ModulePool {
  private loading = false;
  private retired = 0;

  private constructor(
    private readonly load: () => Promise<QuickJSWASMModule>,
    private active: QuickJSWASMModule | undefined,
    private spare: QuickJSWASMModule | undefined,
  ) {}

  static async create(load: () => Promise<QuickJSWASMModule>): Promise<ModulePool> {
    const [active, spare] = await Promise.all([load(), load()]);
    return new ModulePool(load, active, spare);
  }

  current(): QuickJSWASMModule | undefined {
    return this.active;
  }

  retire(module: QuickJSWASMModule): void {
    if (this.active !== module) return;
    this.retired++;
    this.active = this.spare;
    this.spare = undefined;
    this.refill();
  }

  status(): { ready: boolean; spareReady: boolean; modulesRetired: number } {
    return { ready: !!this.active, spareReady: !!this.spare, modulesRetired: this.retired };
  }

  private refill(): void {
    if (this.loading || (this.active && this.spare)) return;
    this.loading = true;
    void this.load().then(
      (module) => {
        this.loading = false;
        if (!this.active) this.active = module;
        else this.spare ??= module;
        this.refill();
      },
      () => {
        this.loading = false; // the next retirement tries again
      },
    );
  }
}
