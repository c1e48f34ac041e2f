/** Russian for the modeler's tools: the minimap, the lint panel and the bpmnlint messages it shows. */
export const TOOLS_RU: Readonly<Record<string, string>> = {
  'Open minimap': 'Показать миникарту',
  'Close minimap': 'Скрыть миникарту',
  'Toggle linting overlays': 'Показать/скрыть проверки',
  'Issues for child elements': 'Проблемы вложенных элементов',
  '{errors} Errors, {warnings} Warnings': 'Ошибок: {errors}, предупреждений: {warnings}',
  'No Issues': 'Проблем нет',
  'Element is missing label/name': 'У элемента нет названия',
  'Element is not connected': 'Элемент ни с чем не соединён',
  'Element is an implicit start': 'Элемент без входящего потока: процесс начнётся и с него',
  'Incoming flows do not join': 'Входящие потоки не объединяются (нужен шлюз)',
  'Gateway is superfluous. It only has one source and target.':
    'Лишний шлюз: у него один вход и один выход.',
  'Process is missing start event': 'У процесса нет стартового события',
  'Process is missing end event': 'У процесса нет конечного события',
  'Sub process is missing start event': 'У подпроцесса нет стартового события',
  'Sub process is missing end event': 'У подпроцесса нет конечного события',
  'Process has multiple blank start events': 'У процесса несколько пустых стартовых событий',
  'Sub process has multiple blank start events': 'У подпроцесса несколько пустых стартовых событий',
  'Start event must be blank': 'Стартовое событие подпроцесса должно быть пустым',
  'Start event is missing event definition': 'У стартового события нет типа (сообщение, таймер…)',
  'Event has multiple event definitions': 'У события несколько определений',
  'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>':
    'У событийного шлюза должно быть не меньше двух исходящих потоков',
  'A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional':
    'Поток из событийного шлюза не может быть условным',
  'Link event is missing link name': 'У события-ссылки нет имени ссылки',
};
