import request from 'supertest';
import { PROCESSES_DIR, startTestApp } from '../support/test-app.js';

const PROCESSES = {
  'customer-service': 'Обслуживание клиента',
  'deal-lifecycle': 'Сделка',
  'kitchen-lead': 'Обработка лида',
  'sales-conveyor': 'Конвейер продаж',
};

/** The product's processes in processes/ are deployed at start, with a diagram, once per change. */
describe('processes/ deployed at start', () => {
  it('deploys every process with its diagram, and a restart with unchanged files adds no version', async () => {
    const first = await startTestApp({ CONVEYOR_PROCESSES_DIR: PROCESSES_DIR });
    const database = first.database;
    try {
      for (const [key, name] of Object.entries(PROCESSES)) {
        const definition = await request(first.http)
          .get(`/engine-rest/process-definition/key/${key}`)
          .expect(200);
        expect(definition.body).toMatchObject({ key, version: 1 });
        expect(definition.body.name).toContain(name);
        const xml = await request(first.http)
          .get(`/engine-rest/process-definition/key/${key}/xml`)
          .expect(200);
        // diagram interchange: every flow node has a shape, so any modeler opens it as drawn
        const source = xml.body.bpmn20Xml as string;
        expect(source).toContain('bpmndi:BPMNDiagram');
        const nodes = [
          ...source.matchAll(
            /<bpmn:(?:\w*Task|\w*Event|\w*Gateway|subProcess|callActivity) id="([^"]+)"/g,
          ),
        ];
        for (const [, id] of nodes) expect(source).toContain(`bpmnElement="${id}"`);
      }
    } finally {
      await first.stop();
    }
    const second = await startTestApp({ CONVEYOR_PROCESSES_DIR: PROCESSES_DIR }, database);
    try {
      const count = await request(second.http)
        .get('/engine-rest/process-definition/count')
        .expect(200);
      expect(count.body.count).toBe(Object.keys(PROCESSES).length);
    } finally {
      await second.close();
    }
  });
});
