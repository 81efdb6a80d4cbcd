# Русский каталог. Ключи и переменные те же, что в en.ftl.

## Для тестов самого каталога.
test-plural = { $count ->
    [one] { $count } тикет
    [few] { $count } тикета
   *[many] { $count } тикетов
}

## Ошибки для людей
error-generic = У нас что-то пошло не так. Попробуйте ещё раз чуть позже; если повторится — сообщите администратору.

## Аналитика: /stats и `supportline stats`
stats-title = Статистика поддержки, { $since } – { $until } ({ $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
})
stats-section-l0 = L0 · самообслуживание
stats-l0-questions = Вопросов: { $count }
stats-l0-answered = С ответом: { $count } ({ $percent })
stats-l0-confirmed = Ответ помог: { $count } ({ $percent })
stats-l0-human = Позвали человека: { $count }
stats-section-tickets = Тикеты
stats-tickets-flow = Открыто: { $opened }, открыто повторно: { $reopened }, закрыто: { $closed }
stats-rating = Средняя оценка: { $average } ({ $count ->
    [one] { $count } оценка
    [few] { $count } оценки
   *[many] { $count } оценок
})
stats-sla-breaches = Нарушений SLA: { $count }
stats-level-flow = Получено: { $received }, решено: { $resolved }, эскалировано: { $escalated }
stats-level-escalation-rate = Доля эскалаций: { $rate }
stats-level-first-response = Первый ответ: медиана { $median }, 90-й процентиль { $p90 }
stats-level-resolution = Решение: медиана { $median }, 90-й процентиль { $p90 }
stats-no-data = —
stats-server = Сервер { $guild }
stats-nothing = С { $since } по { $until } не было ни вопросов, ни тикетов.
duration-seconds = { $s } с
duration-minutes = { $m } мин
duration-hours = { $h } ч
duration-hours-minutes = { $h } ч { $m } мин
duration-days = { $d } д
duration-days-hours = { $d } д { $h } ч

## Аналитика: график лестницы
chart-title = Лестница поддержки, { $since } – { $until }
chart-axis-level = Уровень
chart-axis-count = Вопросы и тикеты
chart-received = Получено (L0: вопросы)
chart-resolved = Решено (L0: с ответом)
chart-confirmed = L0: ответ помог

## Аналитика: стенограммы
transcript-title = Тикет { $number }: { $subject }
transcript-opener = Открыл
transcript-opened-at = Открыт
transcript-closed-at = Закрыт
transcript-levels = Уровни
transcript-status = Статус
transcript-rating = Оценка
transcript-assignee = Исполнитель
transcript-status-open = открыт
transcript-status-resolving = ждёт ответа пользователя
transcript-status-closed = закрыт
transcript-thread-user = Ветка пользователя
transcript-thread-case = Ветка кейса { $level }
transcript-thread-other = Другая ветка
transcript-kind-note = Внутренняя заметка
transcript-kind-level-change = Смена уровня
transcript-kind-staff = Сотрудник
transcript-kind-bot = Бот
transcript-attachments = Вложения
transcript-embed = Встроенное сообщение
transcript-empty = Для этого тикета не сохранено ни одного сообщения.
transcript-none = —
transcript-footer = { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}, время в UTC.
