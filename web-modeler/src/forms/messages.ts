/** The strings of forms rendered from camunda:formData (task forms and start forms). */
export const formRu = {
  'form.noFields': 'Заполнять нечего: у формы нет полей',
  'form.required': 'Обязательное поле',
  'form.wholeNumber': 'Введите целое число',
  'form.date': 'Введите дату',
  'form.fix': 'Исправьте отмеченные поля',
  'form.refused': 'Сервер не принял форму',
  'form.choose': '— выберите —',
} as const;

/** English, typed by the Russian keys: a missing or extra key is a compile error. */
export const formEn: Record<keyof typeof formRu, string> = {
  'form.noFields': 'Nothing to fill in: the form has no fields',
  'form.required': 'Required',
  'form.wholeNumber': 'Enter a whole number',
  'form.date': 'Enter a date',
  'form.fix': 'Correct the marked fields',
  'form.refused': 'The server refused the form',
  'form.choose': '— choose —',
};
