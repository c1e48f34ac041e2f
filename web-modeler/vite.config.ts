import { defineConfig } from 'vite';

/**
 * Built into web-modeler/dist, which the service serves at `/` (CONVEYOR_WEB_APP_DIR). During
 * development (`npx vite web-modeler`) the API calls go to a service started with `npm start`.
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js with the properties panel is one large chunk by nature; warn only well above it.
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/engine-rest': 'http://127.0.0.1:8080',
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
