package models

import (
	"strings"

	"gorm.io/gorm"
)

// pgTrigger is one PostgreSQL trigger of a table: its name, when it fires
// (the CREATE TRIGGER clauses between the name and EXECUTE FUNCTION) and
// the arguments of its function call.
type pgTrigger struct {
	name, event, args string
}

// pgTriggerStatements returns the statements that create the triggers of
// table again, each calling function, when any of them is missing or calls
// another function (an earlier version's: the functions carry versions in
// their names); none when all are in place. CREATE TRIGGER has no IF NOT
// EXISTS before PostgreSQL 17, and replacing triggers at every start would
// lock the tables for nothing.
func pgTriggerStatements(db *gorm.DB, table, function string, triggers []pgTrigger) ([]string, error) {
	names := make([]string, len(triggers))
	for i, t := range triggers {
		names[i] = t.name
	}
	var n int
	err := db.Raw(`SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = ANY(CAST(? AS text[]))
		AND tgfoid = COALESCE(to_regproc(?), 0)`, table, "{"+strings.Join(names, ",")+"}", function).Scan(&n).Error
	if err != nil || n == len(triggers) {
		return nil, err
	}
	stmts := make([]string, 0, 2*len(triggers))
	for _, t := range triggers {
		stmts = append(stmts, `DROP TRIGGER IF EXISTS `+t.name+` ON `+table,
			`CREATE TRIGGER `+t.name+` `+t.event+` EXECUTE FUNCTION `+function+`(`+t.args+`)`)
	}
	return stmts, nil
}
