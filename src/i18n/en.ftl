# The English catalogue. Every key here must exist in ru.ftl with the same
# variables (checked by the tests in src/i18n/tests.rs).

## Used by the catalogue's own tests.
test-plural = { $count ->
    [one] { $count } ticket
   *[other] { $count } tickets
}

## Errors shown to people
error-generic = Something went wrong on our side. Please try again in a moment; if it keeps happening, tell an admin.
