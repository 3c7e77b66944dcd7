// TypeDoc plugin: `TABLE`'s rows are one inferred property per API (55), documented once by the
// table's JSDoc and by their doc page, not by a comment each. This gives each row a one-line comment
// naming its API, so `validation.notDocumented` still fails on any other public symbol without docs.
import { Comment, Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const table of context.project.getReflectionsByKind(ReflectionKind.Variable)) {
      if (table.name !== 'TABLE' || table.type?.type !== 'reflection') continue;
      for (const row of table.type.declaration.children ?? []) {
        if (row.hasComment()) continue;
        row.comment = new Comment([{ kind: 'text', text: `The row of \`${row.name}\`: its group, doc page, parameters, native name, documented errors, defaults and limits (an \`ApiRow\`).` }]);
      }
    }
  });
}
