package models

import "gorm.io/gorm"

// AllModels lists every table kntc keeps, in dependency order.
func AllModels() []any {
	return []any{
		&User{}, &AuthToken{}, &AuditEntry{},
		&Case{}, &Letter{}, &LetterCounter{}, &LetterImport{},
		&ReceptionSession{}, &ReceptionVisit{},
		&Dialogue{}, &DialogueCase{}, &CouncilMeeting{}, &CouncilMeetingCase{},
		&Document{},
		&Holiday{}, &Citizen{}, &PersonLink{},
	}
}

// Migrate creates or updates every table and index. It is idempotent and
// runs at every start, so a new version's columns arrive with a default.
func Migrate(db *gorm.DB) error {
	if err := db.AutoMigrate(AllModels()...); err != nil {
		return err
	}
	return SeedHolidays(db)
}
