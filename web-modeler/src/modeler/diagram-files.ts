/** Lets the user pick a .bpmn file and returns its text, or null if they cancelled. */
export function pickBpmnFile(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.bpmn,.xml,application/xml,text/xml';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) file.text().then(resolve, () => resolve(null));
      else resolve(null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Saves `xml` through the browser's download (a blob: URL, which the CSP allows). */
export function downloadBpmnFile(fileName: string, xml: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/bpmn20-xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
