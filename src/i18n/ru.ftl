# Русский каталог. Ключи и переменные те же, что в en.ftl.

## Для тестов самого каталога.
test-plural = { $count ->
    [one] { $count } тикет
    [few] { $count } тикета
   *[many] { $count } тикетов
}

## Ошибки для людей
error-generic = У нас что-то пошло не так. Попробуйте ещё раз чуть позже; если повторится — сообщите администратору.
error-bad-argument = Не удалось разобрать один из параметров. Проверьте их, пожалуйста.
error-bad-level = уровень: — это число от 1 до 4.
error-bot-permissions = Мне не хватает прав в Discord. Администратор может проверить их командой /setup show.
error-busy = Кто-то изменил этот тикет в тот же момент. Попробуйте ещё раз.
error-empty-question = Напишите, пожалуйста, ваш вопрос.
error-guild-only = Это работает только на сервере.
error-level-not-set-up = У { $level } ещё нет канала. Администратор может задать его командой /setup level.
error-not-set-up = Тикеты на этом сервере ещё не настроены. Администратор может сделать это командой /setup.
error-not-your-answer = Этот ответ был для другого человека. Задайте свой вопрос командой /ask.
error-ticket-not-found = Не могу найти этот тикет.
error-which-ticket = Какой тикет? Запустите команду в ветке тикета или укажите его номер в параметре «тикет:».

## Уровни, статусы, длительности
level-1 = Служба поддержки
level-2 = Специалисты
level-3 = Эксперты
level-4 = Инженеры продукта
status-open = Открыт
status-resolving = Ждёт ответа пользователя
status-closed = Закрыт
priority-normal = Обычный
priority-urgent = Срочный
unit-minutes = { $n } мин
unit-hours = { $n } ч
unit-days = { $n } д

## Отказы
refusal-not-allowed = Вы не можете { $action }: это могут только { $allowed }.
refusal-ticket-closed = Этот тикет закрыт.
refusal-already-closed = Этот тикет уже закрыт.
refusal-not-closed = Этот тикет не закрыт.
refusal-already-claimed = Этот тикет уже взял(а) { $by }.
refusal-already-yours = Этот тикет уже ваш.
refusal-not-claimed = Этот тикет никто не взял.
refusal-claimed-by-other = Тикет у { $by }; это может сделать только он(а) или администратор.
refusal-target-not-staff = { $target } не сотрудник { $level }.
refusal-already-assigned = Тикет уже у { $to }.
refusal-at-top = Тикет уже на L4, вершине лестницы.
refusal-at-bottom = Тикет уже на L1.
refusal-not-higher = { $requested } не выше { $current }.
refusal-not-lower = { $requested } не ниже { $current }.
refusal-reason-required = Укажите причину.
refusal-empty-text = Текст пустой.
refusal-text-too-long = Текст слишком длинный (не больше { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[many] { $max } символов
}).
refusal-already-resolving = Пользователя уже попросили подтвердить решение.
refusal-not-awaiting = Этот тикет не ждёт подтверждения.
refusal-reopen-window = Тикет можно переоткрыть в течение { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[many] { $days } дней
} после закрытия; этот старше. Откройте, пожалуйста, новый.
refusal-thread-gone = Ветка этого тикета удалена. Откройте, пожалуйста, новый тикет.
action-claim = взять этот тикет
action-unclaim = вернуть этот тикет
action-transfer = передать этот тикет
action-escalate = эскалировать этот тикет
action-deescalate = понизить уровень этого тикета
action-note = добавлять заметки к этому тикету
action-resolve = решить этот тикет
action-send-article = отправлять статьи в этот тикет
action-close = закрыть этот тикет
action-reopen = переоткрыть этот тикет
action-answer-resolve = отвечать за этот тикет
action-view-info = смотреть этот тикет
action-read-case = читать это дело
action-read-transcript = читать эту стенограмму
action-ask = задавать вопросы
action-open = открывать тикеты
action-kb-search = искать в базе знаний
action-view-queue = смотреть эту очередь
action-view-stats = смотреть статистику
action-setup = менять настройки
action-view-setup = смотреть настройки
action-kb-reload = перезагружать базу знаний
allowed-staff-of = сотрудники { $level } и администраторы
allowed-staff-from = сотрудники { $level } и выше и администраторы
allowed-opener-or-staff-of = автор, сотрудники { $level } и администраторы
allowed-opener = автор
allowed-staff-who-handled = сотрудники уровней, работавших с тикетом, и администраторы
allowed-opener-or-staff-who-handled = автор, сотрудники уровней, работавших с тикетом, и администраторы
allowed-any-staff = сотрудники поддержки и администраторы
allowed-admins = администраторы

## Ответы L0
answer-footer = Помогло? Скажите ниже.
answer-candidates = Не уверен, что понял вопрос. Может быть, что-то из этого?
answer-nothing = В базе знаний ответа не нашлось. Нажмите «Позвать человека», и вам поможет человек.
answer-glad = Рад, что помогло! Спрашивайте в любое время.
small-talk-greeting = Привет! Я бот поддержки. Опишите вопрос в одном-двух предложениях, и я поищу ответ, или позовите человека кнопкой ниже.
small-talk-thanks = Пожалуйста! Обращайтесь в любое время.
small-talk-goodbye = До свидания! Возвращайтесь, если понадобится помощь.
small-talk-bot = Да, я бот: отвечаю по базе знаний. Если хотите поговорить с человеком, нажмите кнопку ниже.
small-talk-presence = Я здесь! Какой у вас вопрос? Опишите его в одном-двух предложениях или позовите человека кнопкой ниже.
button-solved = Решено
button-human = Позвать человека
button-get-help = Получить помощь

## Открытие
open-done = Ваш тикет { $number } открыт, его видите только вы и команда поддержки: { $thread }
open-already = У вас уже есть тикет { $number } по этому вопросу: { $thread }
open-already-no-thread = У вас уже есть тикет { $number } по этому вопросу.
open-pending = Ваш тикет { $number } открыт. Discord сейчас медленно создаёт его личную ветку: она появится в { $channel } через минуту, и вас там упомянут. Спрашивать ещё раз не нужно.
open-no-thread = Ваш тикет { $number } сохранён, но его личную ветку создать не удалось.
open-limit = У вас уже { $count ->
    [one] { $count } открытый тикет
    [few] { $count } открытых тикета
   *[many] { $count } открытых тикетов
}. Продолжите, пожалуйста, там: { $links }
open-cooldown = Вы только что открыли тикет. Следующий можно открыть { $when }.
greeting = Здравствуйте, { $user }! Это ваш тикет { $number }. Эту ветку видите только вы и наша команда поддержки.
greeting-frustrated = Сожалеем, что это доставило столько неудобств. Человек посмотрит как можно скорее.
greeting-next = Ответит { $level }, обычно в течение { $sla }. Добавьте всё, что поможет: что вы уже пробовали, скриншоты, тексты ошибок.

## Карточка дела и ветка дела (для сотрудников)
card-title = Тикет { $number }: { $subject }
card-user = Пользователь
card-level = Уровень
card-status = Статус
card-priority = Приоритет
card-assignee = Исполнитель
card-nobody = пока никто
card-opened = Открыт
card-user-thread = Ветка пользователя
card-cues = Сигналы
card-new-for-role = Новый тикет для { $role } ({ $level })
card-moved-to = Передан на { $level }: { $thread }
card-moved-to-level = Передан на { $level }
button-claim = Взять
button-unclaim = Вернуть
button-escalate = Эскалировать
button-note = Заметка
button-resolve = Решено?
button-close = Закрыть
case-opened = Новый тикет от { $user }. Разговор с пользователем: { $thread }
case-urgent = ⚠ Срочно, пользователь пишет: { $cues }
case-frustrated = Пользователь, похоже, расстроен: { $cues }
case-tried = Бот уже показал: { $titles }
case-claimed = { $by } взял(а) тикет.
case-unclaimed = { $by } вернул(а) тикет в очередь.
case-transferred = { $by } передал(а) тикет { $to }.
case-note = 📝 Заметка от { $by }: { $text }
case-closed = Тикет закрыл(а) { $by }.
case-reopened = { $by } переоткрыл(а) тикет.
case-moved-away = Дело передано на { $level }: { $thread }
case-user-thread-lost = Ветку пользователя удалили, поэтому тикет закрыт.
digest-title = Передача { $number }: { $from } → { $to }
digest-reason = Причина
digest-question = Вопрос
digest-moved-by = Передал(а)
digest-articles = Статьи, показанные на L0
digest-none = нет
digest-last-messages = Последние сообщения пользователя
digest-messages-unreadable = Боту не видны: без интента Message Content в Discord он не может читать сообщения участников. Прочитайте их в ветке пользователя.
digest-notes = Заметки
digest-previous = Предыдущее дело
info-cases = Дела
queue-title = { $level } · { $name }: { $count ->
    [one] { $count } открытый тикет
    [few] { $count } открытых тикета
   *[many] { $count } открытых тикетов
}
queue-empty = На { $level } нет открытых тикетов.

## Действия сотрудников
claim-done = Тикет { $number } ваш. Общайтесь с пользователем здесь: { $thread }
unclaim-done = Тикет { $number } снова в очереди.
transfer-done = Тикет { $number } теперь у { $to }.
note-done = Заметка добавлена к тикету { $number }.
note-already = Эта заметка уже есть в тикете { $number }.
move-done = Тикет { $number } передан на { $level }: { $thread }
close-done = Тикет { $number } закрыт.
reopen-done = Тикет { $number } снова открыт: { $thread }

## Сторона пользователя
user-escalated = Вашим тикетом теперь занимаются: { $level }. Ответ ожидается в течение { $sla }.
user-deescalated = Ваш тикет вернулся к уровню «{ $level }». Ответ ожидается в течение { $sla }.
user-closed = Тикет закрыл(а) { $by }. Если нужна ещё помощь, переоткройте его в течение { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[many] { $days } дней
} командой `/переоткрыть тикет: { $number }` в { $channel } (эта ветка теперь закрыта) или откройте новый.
user-reopened = Ваш тикет снова открыт. Мы ответим здесь.
user-case-lost = Внутренняя запись этого тикета была удалена, поэтому он закрыт. Если помощь ещё нужна, откройте новый тикет.

## Формы
form-question = Ваш вопрос
form-ask-title = Получить помощь
form-reason = Причина для следующего уровня
form-level = Уровень (2-4, пусто — следующий)
form-escalate-title = Эскалация { $number }
form-note = Внутренняя заметка (только сотрудникам)
form-note-title = Заметка к { $number }
form-close-reason = Причина (необязательно, её увидит пользователь)
form-close-title = Закрыть { $number }

## Команды базы знаний
kb-search-none = Ни одна статья не подходит под «{ $query }».
kb-search-found = { $count ->
    [one] { $count } статья:
    [few] { $count } статьи:
   *[many] { $count } статей:
}
kb-no-such-article = Статьи «{ $id }» нет.
kb-article-gone = Этой статьи больше нет в базе знаний.
kb-sent-intro = { $by } считает, что эта статья может помочь:
kb-sent = Статья «{ $title }» отправлена в тикет { $number }.
kb-sent-footer = Если это не помогло, ответьте здесь.
kb-sent-other-language = Статья на языке `{ $article }`, а пользователь говорит на `{ $user }`.
kb-reloaded = База знаний перезагружена: { $articles ->
    [one] { $articles } статья
    [few] { $articles } статьи
   *[many] { $articles } статей
}, { $problems ->
    [0] проблем нет
    [one] { $problems } проблема
    [few] { $problems } проблемы
   *[many] { $problems } проблем
}.

## Настройка
setup-title = Настройка поддержки
setup-saved = Сохранено.
setup-unset = не задано
setup-support = Ветки тикетов в
setup-help = Каналы помощи
setup-log = Канал журнала
setup-answer-messages = Отвечать на обычные сообщения
setup-small-talk = Отвечать на приветствия и благодарности
setup-yes = да
setup-no = нет
setup-sla = первый ответ в течение { $sla }
setup-limits = На пользователя: { $tickets ->
    [one] { $tickets } открытый тикет
    [few] { $tickets } открытых тикета
   *[many] { $tickets } открытых тикетов
}, { $cooldown } между двумя. Неподтверждённые тикеты закрываются через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}; переоткрыть можно в течение { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[many] { $days } дней
}.
setup-bad-limit = Лимит тикетов должен быть от 1 до { $max }.
setup-bad-cooldown = Пауза должна быть от 0 минут до 24 часов.
setup-bad-sla = Срок ответа для { $level } должен быть от 1 минуты до 7 дней.
setup-bad-auto-close = Автозакрытие должно быть от 1 до { $max ->
    [one] { $max } часа
    [few] { $max } часов
   *[many] { $max } часов
}.
setup-bad-reopen = Окно переоткрытия — не больше { $max ->
    [one] { $max } дня
    [few] { $max } дней
   *[many] { $max } дней
}.
setup-check-ok = ✅ У меня есть все нужные права, пользователи видят канал тикетов, а каждый канал сотрудников видят только его уровень и уровни выше.
setup-next-support = ➡ Дальше: `/setup support channel:` — канал, где у каждого тикета будет своя личная ветка (пользователи должны его видеть).
setup-next-l1 = ➡ Дальше: `/setup level level:1 channel: role:` — служба поддержки (L1): канал, который видят только сотрудники, и роль, которая в нём работает. Пользователи смогут открывать тикеты, когда она задана.
setup-next-escalation = Передавать тикеты выше можно будет, когда задан `/setup level level:2` (и 3, 4).
setup-check-problems = ⚠ Проблемы:
setup-check-missing = В { $channel } ({ $what }) мне не хватает: { $missing }
setup-check-gone = { $what }: { $channel } больше не существует.
setup-check-no-cache = Я пока не вижу каналы сервера; попробуйте через минуту.
setup-check-no-message-content = Боту не выдан интент Message Content на портале разработчиков Discord: сообщения участников приходят к нему пустыми, поэтому стенограммы и сводки передачи хранят только вопросы, формы и сообщения самого бота. Включите его (Bot → Privileged Gateway Intents) и задайте DISCORD_MESSAGE_CONTENT=true.
panel-title = Нужна помощь?
panel-text = Нажмите кнопку и задайте вопрос. Я отвечу по базе знаний или позову человека.
panel-posted = Панель опубликована в { $channel }.

## Слэш-команды
cmd-ask = Задать вопрос: бот ответит по базе знаний
    .name = спросить
    .question = Ваш вопрос
    .question-name = вопрос
cmd-ticket = Тикеты: открыть, посмотреть, очередь
    .name = тикет
cmd-ticket-open = Открыть тикет для службы поддержки
    .name = открыть
    .question = С чем нужна помощь?
    .question-name = вопрос
cmd-ticket-info = Показать тикет: этой ветки или по номеру
    .name = инфо
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-ticket-queue = Открытые тикеты уровня
    .name = очередь
    .level = Уровень 1-4 (по умолчанию — ваш)
    .level-name = уровень
cmd-claim = Взять тикет: дальше отвечаете вы
    .name = взять
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-unclaim = Вернуть тикет в очередь уровня
    .name = вернуть
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-transfer = Передать тикет другому сотруднику уровня
    .name = передать
    .member = Кому передать
    .member-name = кому
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-escalate = Поднять тикет выше по лестнице, с причиной для следующего уровня
    .name = эскалировать
    .reason = Почему нужен уровень выше
    .reason-name = причина
    .level = Уровень 2-4 (по умолчанию — следующий)
    .level-name = уровень
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-deescalate = Опустить тикет ниже по лестнице, с причиной
    .name = понизить
    .reason = Почему им должен заняться уровень ниже
    .reason-name = причина
    .level = Уровень 1-3 (по умолчанию — на один ниже)
    .level-name = уровень
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-note = Добавить внутреннюю заметку (видна только сотрудникам)
    .name = заметка
    .text = Текст заметки
    .text-name = текст
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-close = Закрыть тикет сейчас
    .name = закрыть
    .reason = Почему (увидит пользователь)
    .reason-name = причина
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-reopen = Переоткрыть закрытый тикет
    .name = переоткрыть
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-kb = База знаний: поиск, отправка статьи, перезагрузка
    .name = база
cmd-kb-search = Найти статьи (сотрудники)
    .name = поиск
    .query = Что искать
    .query-name = запрос
cmd-kb-send = Отправить статью в ветку пользователя (сотрудники)
    .name = отправить
    .article = Статья
    .article-name = статья
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-kb-reload = Перезагрузить базу знаний сейчас (администраторы)
    .name = перезагрузить
cmd-setup = Настроить бота на этом сервере (администраторы)
    .name = настройка
cmd-setup-support = Канал для приватных веток тикетов (его должны видеть пользователи)
    .name = тикеты
    .channel = Текстовый канал, видимый пользователям
    .channel-name = канал
cmd-setup-level = Канал и роль уровня (канал виден только этой роли)
    .name = уровень
    .level = Уровень 1-4
    .level-name = уровень
    .channel = Канал дел этого уровня, только для сотрудников
    .channel-name = канал
    .role = Роль сотрудников этого уровня
    .role-name = роль
    .sla_minutes = Срок первого ответа в минутах
    .sla_minutes-name = срок_минут
cmd-setup-help = Добавить или убрать канал помощи (там можно отвечать на обычные сообщения)
    .name = помощь
    .channel = Канал
    .channel-name = канал
    .remove = Убрать канал вместо добавления
    .remove-name = убрать
    .answer_messages = Отвечать на обычные сообщения в каналах помощи (нужен интент Message Content)
    .answer_messages-name = отвечать_на_сообщения
cmd-setup-log = Куда писать о закрытых тикетах и стенограммах
    .name = журнал
    .channel = Канал сотрудников
    .channel-name = канал
cmd-setup-limits = Лимиты на пользователя и сроки тикетов
    .name = лимиты
    .tickets = Открытых тикетов на пользователя
    .tickets-name = тикетов
    .cooldown_minutes = Минут между двумя тикетами одного пользователя
    .cooldown_minutes-name = пауза_минут
    .auto_close_hours = Сколько часов ждать подтверждения пользователя до закрытия
    .auto_close_hours-name = автозакрытие_часов
    .reopen_days = Сколько дней закрытый тикет можно переоткрыть
    .reopen_days-name = переоткрытие_дней
cmd-setup-language = Язык сервера для карточек и пользователей без известного языка
    .name = язык
    .language = Язык
    .language-name = язык
cmd-setup-smalltalk = Отвечать на приветствия, благодарности и «ты бот?» коротко, а не статьёй
    .name = болтовня
    .enabled = Включено (по умолчанию) или выключено
    .enabled-name = включено
cmd-setup-show = Показать настройки и проверить права бота
    .name = показать
cmd-setup-panel = Опубликовать панель «Получить помощь» в канале
    .name = панель
    .channel = Где (по умолчанию — здесь)
    .channel-name = канал

## Решение
error-bad-rating = Оценка — от 1 до 5 звёзд.
resolve-question = { $user }, это решило вашу проблему? Ответьте ниже и, если хотите, оцените нашу помощь. Без ответа тикет закроется сам через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}.
resolve-asked = Я попросил пользователя подтвердить решение тикета { $number }.
resolve-thanks = Спасибо! Тикет закрыт.
resolve-not-solved = Жаль, что проблема ещё не решена. Команда уже знает и продолжит здесь.
button-yes = Да, решено
button-no = Нет, ещё нет
case-resolve-asked = { $by } попросил(а) пользователя подтвердить решение.
case-confirmed = Пользователь подтвердил решение. { $stars }
case-rejected = { $assignee } Пользователь говорит, что проблема не решена.
form-summary = Что сделано (необязательно, увидит пользователь)
form-resolve-title = Решение { $number }
form-rate-title = Ваша оценка: { $stars }
form-rate-comment = Комментарий (необязательно)
form-no-title = Ещё не решено
form-no-comment = Что ещё не так? (необязательно)
sla-reminder = { $role } тикет { $number } ждёт ответа дольше срока { $level } ({ $sla }).
user-auto-closed = Ответа не было, поэтому тикет закрыт автоматически. Если помощь ещё нужна, переоткройте его в течение { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[many] { $days } дней
} командой `/переоткрыть тикет: { $number }` в { $channel } (эта ветка теперь закрыта).
cmd-resolve = Спросить пользователя, решена ли проблема (он подтвердит и оценит или скажет «нет»)
    .name = решено
    .summary = Что сделано (увидит пользователь)
    .summary-name = итог
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-setup-sla = Срок первого ответа уровня
    .name = срок
    .level = Уровень 1-4
    .level-name = уровень
    .minutes = Минут до первого ответа сотрудника
    .minutes-name = минут
case-auto-closed = Пользователь не ответил вовремя, поэтому тикет закрыт автоматически.
log-closed = Тикет { $number } пользователя { $user } закрыт ({ $levels }, { $messages ->
    [one] { $messages } сообщение
    [few] { $messages } сообщения
   *[many] { $messages } сообщений
}).
log-closed-content-missing = ⚠️ Сообщения участников в этой стенограмме пустые: у бота нет интента Message Content в Discord (см. /setup show).
log-closed-files = Файлы участников сохранены вместе со стенограммой (ссылки в стенограмме перестают работать в течение суток, эти копии — нет): { $kept }
log-closed-files-missed = Файлы участников не сохранены (больше 10 МиБ Discord на файл или слишком много): { $missed }
transcript-not-kept = У тикета { $number } ещё нет стенограммы: она сохраняется при закрытии.
transcript-unreadable = (не прочитано: без интента Message Content Discord показывает боту сообщения участников пустыми)
transcript-here = Стенограмма тикета { $number } ({ $messages ->
    [one] { $messages } сообщение
    [few] { $messages } сообщения
   *[many] { $messages } сообщений
}).
cmd-ticket-transcript = Стенограмма закрытого тикета (администраторы и сотрудники уровней, работавших с ним)
    .name = стенограмма
    .ticket = Номер тикета
    .ticket-name = тикет


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
stats-l0-small-talk = Болтовня (приветствия, благодарности): { $count }
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
transcript-thread-case = Ветка дела { $level }
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
cmd-stats = Статистика поддержки с диаграммой лестницы (сотрудники и администраторы)
    .name = статистика
    .days = За сколько дней (по умолчанию 30)
    .days-name = дней

## Ошибки фреймворка (у каждой ошибки poise есть ответ)
error-bad-option = Не удалось разобрать «{ $input }» в параметре { $option } Проверьте его, пожалуйста.
error-subcommand-required = Этой команде нужна подкоманда: выберите её из списка.
error-command-changed = Эта команда только что изменилась. Запустите её ещё раз; Discord может понадобиться минута, чтобы показать новую версию.
error-cooldown = Подождите { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
}, прежде чем использовать это снова.
error-user-permissions = У вас нет прав, нужных для этой команды.
error-dm-only = Это работает только в личных сообщениях.
error-nsfw-only = Это работает только в каналах с возрастным ограничением.
error-bad-days = дней: — это число дней от 1 до { $max }.

## Параметр, о котором отказ
error-no-such-ticket = Тикета { $number } нет (тикет:).
error-bad-form-level = Уровень — это число от 2 до 4 или пусто для следующего.

## Карточки перемещённых дел
card-escalated-for-role = Эскалирован с { $from } для { $role } ({ $level })
card-returned-for-role = Возвращён с { $from } для { $role } ({ $level })

## Пользователь пишет вместо ответа на «Это решило проблему?»
resolve-withdrawn = Вы написали после этого вопроса, поэтому тикет остаётся открытым и команда продолжит здесь.
case-replied = { $assignee } Пользователь написал вместо подтверждения, поэтому тикет снова открыт:

## Intake: questions and topics when a ticket opens (issue 14.1)
intake-topic-ask = О чём ваш вопрос? Выберите тему, и я открою тикет.
intake-topic-placeholder = Выберите тему
intake-form-title = Несколько вопросов перед началом
intake-topic-gone = Этой темы больше нет. Начните, пожалуйста, заново.
intake-missing-answer = На вопрос «{ $label }» нужен ответ.
intake-greeting-topic = **Тема:** { $topic }
intake-greeting-answers = **Ваши ответы:**
card-topic = Тема
card-intake = Ответы при открытии
card-new-for-team = { $role } Новый тикет на { $level } для вашей команды ({ $topic }).
transcript-topic = Тема
setup-questions = Вопросы при открытии
setup-topics = Темы
setup-question-short = одна строка
setup-question-short-required = одна строка, обязательный
setup-question-long = абзац
setup-question-long-required = абзац, обязательный
setup-question-needs-label = Новому вопросу нужен текст.
setup-bad-question-number = Здесь может быть не больше { $max ->
    [one] { $max } вопроса
    [few] { $max } вопросов
   *[many] { $max } вопросов
} (форма Discord вмещает пять полей); нумеруйте их с 1 без пропусков.
setup-bad-label = Текст вопроса — от 1 до { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[many] { $max } символов
} (ограничение Discord).
setup-too-many-topics = Тем может быть не больше { $max ->
    [one] { $max } темы
    [few] { $max } тем
   *[many] { $max } тем
} (меню Discord вмещает 25 пунктов).
setup-bad-topic = Название темы — от 1 до { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[many] { $max } символов
}.
stats-topics = Тикеты по темам
stats-topic-line = { $topic }: открыто { $opened }, закрыто { $closed }
cmd-setup-question = Вопрос, который задаётся при открытии тикета (не больше 5)
    .name = вопрос
    .number = Какой вопрос, 1-5 (следующий за последним добавляет новый)
    .number-name = номер
    .label = Текст вопроса, до 45 символов
    .label-name = текст
    .long = Ответ абзацем, а не одной строкой
    .long-name = длинный
    .required = Пользователь обязан ответить
    .required-name = обязательный
    .remove = Удалить этот вопрос
    .remove-name = удалить
cmd-setup-topic = Тема, которую выбирают при открытии тикета, с командой по желанию
    .name = тема
    .label = Название темы
    .label-name = название
    .team = Команда (роль) внутри L1, которая получает эти тикеты вместо всей роли L1
    .team-name = команда
    .remove = Удалить эту тему
    .remove-name = удалить

## Close requests: staff ask the user to confirm closing (issue 14.5)
step-ask-close = попросить пользователя подтвердить закрытие
step-retire-close-ask = убрать кнопки с предложения закрыть
button-close-request = Предложить закрыть
button-close-accept = Закрыть
button-keep-open = Оставить открытым
close-request-question = { $user } Похоже, вопрос решён. Можно закрыть тикет? Если никто не ответит, он закроется сам { $when }. Если написать здесь, тикет останется открытым.
close-request-kept = Оставлен открытым: команда продолжит здесь.
close-request-sent = Пользователя попросили подтвердить закрытие { $number }; без ответа тикет закроется сам через { $after }.
close-request-closed = Тикет { $number } закрыт. Спасибо!
close-request-kept-reply = Тикет { $number } остаётся открытым.
card-close-requested = Предложено закрыть
card-close-requested-at = спросили { $when }; закроется сам, если не ответят
case-close-asked = { $by } попросил(а) пользователя подтвердить закрытие; без ответа тикет закроется сам через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}.
case-kept-open = { $by } оставил(а) тикет открытым.
case-kept-open-replied = { $by } написал(а) в ветке, поэтому предложение закрыть отозвано.
refusal-already-close-requested = Пользователя уже попросили подтвердить закрытие.
refusal-no-close-request = Сейчас никто не предлагает закрыть этот тикет (ответили или оставили открытым).
setup-close-request = Предложения закрыть закрывают тикет сами через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
} без ответа.
setup-bad-close-request = Предложение закрыть ждёт от 1 до { $max ->
    [one] { $max } часа
    [few] { $max } часов
   *[many] { $max } часов
}.
cmd-close-request = Попросить пользователя подтвердить закрытие; без ответа тикет закроется сам
    .name = предложить-закрыть
    .ticket = Номер тикета (по умолчанию — тикет этой ветки)
    .ticket-name = тикет
cmd-setup-close-request = Сколько предложение закрыть ждёт ответа до закрытия
    .name = предложение-закрыть
    .hours = Сколько часов ждать
    .hours-name = часов

## Каналы, ломающие лестницу (/setup отказывает, /setup show предупреждает)
setup-ladder-public = { $channel } виден @everyone, и { $what ->
    [log] стенограммы всех уровней
   *[other] дела { $what }
} стали бы публичными. Сначала скройте канал от @everyone.
setup-ladder-lower = Роль { $lower } видит { $channel }, и сотрудники { $lower } читали бы { $what ->
    [log] стенограммы всех уровней
   *[other] дела { $what }
}. Сначала скройте канал от этой роли.
setup-ladder-used = { $channel } уже { $what ->
    [support] канал тикетов
    [log] канал журнала
   *[other] канал { $what }
}; каждому нужен свой канал.
setup-ladder-hidden = { $channel } скрыт от @everyone, и пользователи не увидели бы там свои ветки тикетов.
setup-role-unpingable = Роль { $level } { $role } нельзя упомянуть: она не упоминаемая, а у бота нет права «Упоминать всех» в канале { $level }, поэтому о новых делах и напоминаниях SLA никто не узнает. Разрешите всем упоминать роль (Настройки сервера → Роли) или дайте боту право «Упоминать всех» там.
setup-team-gone = Тема направляет тикеты команде { $role }, но этой роли больше нет: о новых делах этих тикетов никто не узнает. Выберите другую команду через /setup topic.
setup-team-unpingable = Команду { $role } нельзя упомянуть в { $channel }: роль не упоминаемая, а у бота нет права «Упоминать всех» там, поэтому о направленных ей тикетах никто не узнает. Разрешите всем упоминать роль (Настройки сервера → Роли) или дайте боту право «Упоминать всех» там.

## supportline stats, когда часы бота ушли вперёд
stats-clock-ahead = Последняя активность в базе позже часов этой машины (часы песочницы сдвинуты?): окно заканчивается { $until } UTC, как его показал бы /stats.

## Шаги, которые Discord отклонил окончательно (bot::effects)
steps-refused = Discord отклонил часть действия, поэтому она не выполнена: { $steps }. Подробности — в канале журнала.
log-step-refused = ⚠️ Тикет { $number }: Discord не дал { $step } ({ $why }). Ничего не осталось сделанным наполовину; проверьте права бота.
log-support-deleted = ⚠️ Канал тикетов { $channel } удалён вместе со всеми ветками тикетов: { $count ->
    [one] закрыт { $count } открытый тикет
    [few] закрыто { $count } открытых тикета
   *[many] закрыто { $count } открытых тикетов
}. Задайте новый командой /setup support.
log-level-deleted = ⚠️ Канал уровня { $level } { $channel } удалён вместе с ветками дел: { $count ->
    [one] закрыт { $count } открытый тикет
    [few] закрыто { $count } открытых тикета
   *[many] закрыто { $count } открытых тикетов
}. Задайте новый командой /setup level.
step-create-user-thread = создать ветку пользователя
step-greet = поприветствовать пользователя
step-post-case = опубликовать карточку дела
step-retire-case = архивировать прежнее дело
step-add-to-user-thread = добавить участника в ветку пользователя
step-refresh-card = обновить карточку дела
step-case-note = написать в ветку дела
step-tell-user = сообщить пользователю
step-ask-resolve = спросить пользователя «Это помогло?»
step-retire-question = убрать кнопки с вопроса
step-archive = архивировать ветки тикета
step-unarchive = разархивировать ветки тикета
step-sla-reminder = отправить напоминание о SLA

## Knowledge base problems (/kb reload), one per code of the engine's problems
kb-problem-line = { $where }: { $severity }: { $message }
kb-problem-error = ошибка
kb-problem-warning = предупреждение
kb-problem-kept-article = (пока используется последняя исправная версия)
kb-problem-kept-synonyms = (пока используются последние исправные синонимы)
kb-problem-unreadable = не удаётся прочитать файл: { $error }
kb-problem-not-utf8 = файл не в кодировке UTF-8; сохраните его в UTF-8
kb-problem-no-front-matter = нет заголовка: первая строка должна быть `---`, затем поля, затем `---`
kb-problem-unclosed-front-matter = заголовок не закрыт: добавьте строку `---` после последнего поля
kb-problem-yaml = заголовок — не корректный YAML: { $error }
kb-problem-empty-title = поле `title` пустое; напишите заголовок, который увидят люди
kb-problem-nothing-to-match = не по чему искать: укажите хотя бы одно из полей `keywords`, `patterns`, `examples`
kb-problem-empty-entry = пустой элемент в `{ $field }`; удалите его или напишите текст
kb-problem-bad-pattern = шаблон не компилируется: { $error }
kb-problem-bad-locale = `locale: { $locale }` — не код языка вроде `en` или `ru`
kb-problem-empty-id = поле `id` пустое; удалите его, чтобы использовать путь файла
kb-problem-duplicate-id = id `{ $id }` уже используется в { $other }; id должны быть уникальны (задайте `id:` в одном из них)
kb-problem-body-too-long = текст статьи слишком длинный для Discord после оформления (символов: { $length }, можно не больше { $limit }): сократите его или разделите на две статьи
kb-problem-title-too-long = заголовок слишком длинный для Discord (символов: { $length }, можно не больше { $limit }): сократите его
kb-problem-link-loop = эта ссылка ведёт обратно в { $target } — папку, в которой лежит сама: цикл, пропущено (удалите ссылку)
kb-problem-same-folder = та же папка, что { $first }, уже прочитана; пропущено
kb-problem-same-file = тот же файл, что { $first }, уже прочитан; пропущено
kb-problem-too-many-files = в папке слишком много статей (не больше { $max }); остальные не загружены
kb-problem-too-many-bytes = статьи вместе слишком велики (не больше { $max ->
    [one] { $max } МБ
    [few] { $max } МБ
   *[many] { $max } МБ
}); остальные не загружены
kb-problem-file-too-large = файл слишком велик для статьи (не больше { $max ->
    [one] { $max } байта
    [few] { $max } байт
   *[many] { $max } байт
}); разделите его

## kb ask and kb report at an admin's terminal (--locale, SUPPORTLINE_LOCALE or LANG)
cli-ask-small-talk = светская беседа ({ $kind }): бот отвечает тем же, без статьи
cli-ask-prompt = Введите вопрос и нажмите Enter (Ctrl-D — выход).
cli-ask-answer = ответ: { $id } (уверенность { $confidence })
cli-ask-no-answer = ответа нет (уверенность { $confidence }, нужно { $threshold }): дальше вопрос взял бы человек
cli-evidence-coverage = покрытие
cli-evidence-mass = вес
cli-evidence-examples = примеры
cli-evidence-passage = фрагмент
cli-evidence-pattern = шаблон
cli-evidence-in_keywords = в_ключевых_словах
cli-evidence-in_title = в_заголовке
cli-evidence-in_examples = в_примерах
cli-evidence-in_body = в_тексте
cli-evidence-unknown = незнакомое
cli-evidence-explained = объяснено
cli-evidence-unexplained = не_объяснено
cli-evidence-absent = нет_в_статье
cli-evidence-elsewhere = в_других_статьях
cli-evidence-other_language = другой_язык
cli-report-nothing-asked = За { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
   *[many] последние { $days } дней
} вопросов не было: отчитываться пока не о чем.
cli-report-all-answered = Писать нечего: на все вопросы за { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
   *[many] последние { $days } дней
} (всего: { $asked }) нашёлся ответ, и ни один не отмечен как бесполезный.
cli-report-header = { $total ->
    [one] { $total } вопрос
    [few] { $total } вопроса
   *[many] { $total } вопросов
} за { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
   *[many] последние { $days } дней
}, на которые L0 не ответил или ответил без пользы; { $groups ->
    [one] { $groups } группа
    [few] { $groups } группы
   *[many] { $groups } групп
}, самые частые сначала:
cli-report-group = { $n }. «{ $question }» — спрашивали { $count }× ({ $unanswered ->
    [one] { $unanswered } без ответа
    [few] { $unanswered } без ответа
   *[many] { $unanswered } без ответа
}, { $unhelpful ->
    [one] { $unhelpful } без пользы
    [few] { $unhelpful } без пользы
   *[many] { $unhelpful } без пользы
}) [{ $locale }]
cli-report-closest = ближайшая статья: { $article }{ $title } (уверенность { $confidence })
cli-report-closest-none = ближайшая статья: нет
cli-report-also = ещё: «{ $question }» ({ $count }×)

## Рабочие часы, ожидание ответа пользователя, блокировки и ограничения частоты
greeting-after-hours = Сейчас команда не работает. Ждите ответа с { $when }.
card-waiting-on-user = Ждём ответа пользователя с { $since } (часы SLA остановлены)
waiting-reminder = { $user }, команда ждёт здесь вашего ответа. Напишите, когда сможете, и мы продолжим.
waiting-reminder-closes = { $user }, команда ждёт здесь вашего ответа. Если ответа не будет, тикет закроется { $when }.
blocked = Вы не можете открывать тикеты на этом сервере.{ $reason }
blocked-until = Вы не можете открывать тикеты на этом сервере до { $when }.{ $reason }
blocked-reason = {" "}Причина: { $reason }
rate-tickets = Сегодня вы уже открыли { $limit ->
    [one] { $limit } тикет
    [few] { $limit } тикета
   *[many] { $limit } тикетов
}, больше этот сервер не позволяет. Следующий можно открыть { $when }.
rate-questions = Слишком много вопросов сразу: этот сервер принимает { $limit ->
    [one] { $limit } вопрос
    [few] { $limit } вопроса
   *[many] { $limit } вопросов
} в минуту. Попробуйте снова { $when }.
action-block = блокировать и разблокировать
setup-off = выкл.
setup-hours = Рабочие часы
setup-hours-always = круглосуточно
setup-holidays-list = выходные дни { $days }
setup-waiting = Ожидание ответа пользователя
setup-waiting-remind = напоминание через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
setup-waiting-close = закрытие через { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
setup-ratelimits = Ограничения на пользователя
setup-rate-tickets = { $count ->
    [one] { $count } тикет
    [few] { $count } тикета
   *[many] { $count } тикетов
} в сутки
setup-rate-questions = { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
} в минуту
setup-bad-waiting = Часы ожидания: от 0 (выкл.) до { $max }.
setup-bad-waiting-order = Напоминание должно прийти раньше, чем тикет закроется.
setup-bad-ratelimits = Не больше 100 тикетов в сутки и 60 вопросов в минуту (0 отключает ограничение).
setup-hours-need-week = Укажите часы на неделю, например `пн-пт 09:00-18:00, сб 10:00-14:00`.
setup-bad-zone = Часовой пояс { $zone } мне неизвестен. Укажите имя IANA, например Europe/Moscow.
setup-bad-week = Не могу прочитать «{ $week }». Пишите дни и часы так: `пн-пт 09:00-18:00, сб 10:00-14:00` (день можно указать как `выходной`).
setup-bad-week-closed = Хотя бы один день должен быть рабочим. Чтобы работать круглосуточно, укажите `выключить: True`.
setup-bad-date = «{ $date }» — не дата: пишите ГГГГ-ММ-ДД.
setup-holidays-need-hours = Сначала задайте рабочие часы (/setup hours): выходные дни — это перерывы в них.
setup-holidays-too-many = Это больше 100 выходных дней: сначала удалите прошедшие.
block-self = Нельзя заблокировать самого себя.
block-need-target = Укажите пользователя или роль.
block-one-target = Укажите пользователя или роль, но не обоих.
block-until = до { $when }
block-forever = до разблокировки
block-done = { $who } теперь не может открывать тикеты, { $until }. Ответы из базы знаний остаются доступны.
unblock-done = { $who } снова может открывать тикеты.
unblock-none = { $who } не был заблокирован.
block-list = Не могут открывать тикеты:
block-list-empty = Никто не заблокирован.
cmd-setup-hours = Когда работает команда (вне этих часов пользователю говорят, когда ждать ответа)
    .name = часы
    .zone = Часовой пояс (имя IANA, например Europe/Moscow)
    .zone-name = пояс
    .week = Часы на неделю, например пн-пт 09:00-18:00, сб 10:00-14:00
    .week-name = неделя
    .off = Работать круглосуточно (по умолчанию)
    .off-name = выключить
cmd-setup-holidays = Добавить или убрать выходной день (ГГГГ-ММ-ДД)
    .name = выходные
    .add = Дата, которую добавить
    .add-name = добавить
    .remove = Дата, которую убрать
    .remove-name = убрать
cmd-setup-waiting = Что происходит, пока сотрудники ждут ответа пользователя
    .name = ожидание
    .remind_hours = Напомнить пользователю через столько часов (0: никогда)
    .remind_hours-name = напомнить_часов
    .close_hours = Закрыть тикет через столько часов (0: никогда)
    .close_hours-name = закрыть_часов
cmd-setup-ratelimits = Ограничения частоты на пользователя (0: без ограничения)
    .name = частота
    .tickets_per_day = Сколько тикетов пользователь может открыть за сутки
    .tickets_per_day-name = тикетов_в_сутки
    .questions_per_minute = Сколько вопросов боту пользователь может задать за минуту
    .questions_per_minute-name = вопросов_в_минуту
cmd-block = Запретить пользователю или роли открывать тикеты (сотрудники); без параметров: список
    .name = блок
    .user = Пользователь
    .user-name = пользователь
    .role = Роль
    .role-name = роль
    .reason = Причина (её увидит пользователь)
    .reason-name = причина
    .hours = На сколько часов (по умолчанию: до разблокировки)
    .hours-name = часов
cmd-unblock = Снова разрешить пользователю или роли открывать тикеты (сотрудники)
    .name = разблок
    .user = Пользователь
    .user-name = пользователь
    .role = Роль
    .role-name = роль
stats-waiting-on-user = Ожидание ответа пользователя: медиана { $median }, 90-й процентиль { $p90 }, всего { $total }
stats-level-time = Время на этом уровне: медиана { $median }, 90-й процентиль { $p90 }
